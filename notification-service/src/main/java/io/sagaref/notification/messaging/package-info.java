/**
 * Kafka adapter: the order events that feed the delivery queue, read into this service's
 * own records.
 */
@NullMarked
package io.sagaref.notification.messaging;

import org.jspecify.annotations.NullMarked;
