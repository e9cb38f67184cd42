/**
 * Transactional outbox: events are written in the business transaction and published to
 * Kafka by a relay after commit.
 */
@NullMarked
package io.sagaref.messaging.outbox;

import org.jspecify.annotations.NullMarked;
