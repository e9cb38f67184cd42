/**
 * Kafka adapter: reads the saga's order and stock events into this service's own small
 * records and hands each to one use case.
 */
@NullMarked
package io.sagaref.payment.messaging;

import org.jspecify.annotations.NullMarked;
