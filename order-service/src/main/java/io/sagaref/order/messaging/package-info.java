/**
 * Kafka adapter: consumes payment and inventory events and turns each into one
 * application-service call, through the shared inbox and error policy.
 */
@NullMarked
package io.sagaref.order.messaging;

import org.jspecify.annotations.NullMarked;
