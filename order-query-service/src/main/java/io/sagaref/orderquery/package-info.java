/**
 * The CQRS read model of orders: one denormalized {@link io.sagaref.orderquery.OrderView}
 * per order, folded from the events of order-, payment- and inventory-service and nothing
 * else.
 * <p>
 * The view is a pure function of the events: every field, including {@code updatedAt},
 * comes from an event, never from the clock or another store, and events from different
 * sources may be applied in any order (each source's own events are ordered by their
 * {@code sequence}). That is what makes the model rebuildable by replay, without
 * downtime: {@code POST /api/admin/read-model/rebuild} replays the three topics from
 * their beginning into shadow tables of the same shape and swaps them in
 * ({@link io.sagaref.orderquery.application.ReadModelRebuilder}); the result equals the
 * old views as long as the topics still hold every event (retention long enough, or
 * forever). Each applied event keeps its payload, so a view can also be folded again as
 * it stood at any instant ({@code ?asOf=}).
 */
@NullMarked
package io.sagaref.orderquery;

import org.jspecify.annotations.NullMarked;
