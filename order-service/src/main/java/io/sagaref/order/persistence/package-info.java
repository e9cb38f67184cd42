/**
 * Storage of orders and the catalog replica in the {@code orders} schema: each order's
 * event stream in the event store, the current state of orders beside it in plain JDBC,
 * the catalog replica through Spring Data JPA.
 */
@NullMarked
package io.sagaref.order.persistence;

import org.jspecify.annotations.NullMarked;
