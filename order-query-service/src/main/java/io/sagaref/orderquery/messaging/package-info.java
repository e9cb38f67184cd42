/**
 * Kafka adapter: the listener that reads each event's payload straight into the domain's
 * {@link io.sagaref.orderquery.SagaEvent} records and feeds them to the projection, and
 * how the domain's ids and amounts look on the wire.
 */
@NullMarked
package io.sagaref.orderquery.messaging;

import org.jspecify.annotations.NullMarked;
