/**
 * Kafka adapter: this consumer's own records of the event payloads it reads, and the
 * listener that feeds them to the projection.
 */
@NullMarked
package io.sagaref.orderquery.messaging;

import org.jspecify.annotations.NullMarked;
