/**
 * Inventory domain: products with their stock, and the reservations the saga makes,
 * rejects and releases, with their events and value objects. Plain Java, with JPA mapping
 * and Jackson value annotations as metadata. The application class sits here too, so
 * Boot's default scanning finds the whole service.
 */
@NullMarked
package io.sagaref.inventory;

import org.jspecify.annotations.NullMarked;
