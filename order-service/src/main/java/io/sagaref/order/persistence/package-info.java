/**
 * Storage of orders and the catalog replica in the {@code orders} schema, through Spring
 * Data JPA.
 */
@NullMarked
package io.sagaref.order.persistence;

import org.jspecify.annotations.NullMarked;
