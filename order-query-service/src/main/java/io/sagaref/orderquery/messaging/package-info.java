/**
 * Kafka adapter: the listener that reads each event's payload straight into the domain's
 * {@link io.sagaref.orderquery.SagaEvent} records and feeds them to the projection, and
 * how the domain's ids and amounts look on the wire; beside it, the direct readers of the
 * same topics (no group, no inbox) that a rebuild replays and the in-memory views follow.
 */
@NullMarked
package io.sagaref.orderquery.messaging;

import org.jspecify.annotations.NullMarked;
