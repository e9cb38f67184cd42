/**
 * The CQRS read model of orders: one denormalized {@link io.sagaref.orderquery.OrderView}
 * per order, folded from the events of order-, payment- and inventory-service and nothing
 * else.
 * <p>
 * The view is a pure function of the events: every field, including {@code updatedAt},
 * comes from an event, never from the clock or another store, and events from different
 * sources may be applied in any order (each source's own events are ordered by their
 * {@code sequence}). That is what makes the model rebuildable by replay: empty the view
 * tables ({@code order_view}, {@code order_view_line}, {@code order_view_shortage},
 * {@code timeline_entry}) and this consumer's rows of {@code processed_message} in one
 * transaction, reset the consumer group {@code order-query-service} to the earliest
 * offsets of the three topics (or consume with a fresh group), and let the listener run;
 * the result equals the old views as long as the topics still hold every event (retention
 * long enough, or forever).
 */
@NullMarked
package io.sagaref.orderquery;

import org.jspecify.annotations.NullMarked;
