/**
 * Kafka adapter: the saga events inventory consumes, as its own small payload records,
 * and the thin listener that hands them to the reservation use cases.
 */
@NullMarked
package io.sagaref.inventory.messaging;

import org.jspecify.annotations.NullMarked;
