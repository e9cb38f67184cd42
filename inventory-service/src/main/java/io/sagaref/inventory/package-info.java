/**
 * Inventory domain: products with their stock, and the reservations the saga makes,
 * rejects and releases. Plain Java, with JPA mapping annotations as metadata.
 */
@NullMarked
package io.sagaref.inventory;

import org.jspecify.annotations.NullMarked;
