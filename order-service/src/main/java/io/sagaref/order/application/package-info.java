/**
 * The use cases of orders and of the catalog replica: transactional application services
 * that load aggregates, apply one change and hand its events to the outbox.
 */
@NullMarked
package io.sagaref.order.application;

import org.jspecify.annotations.NullMarked;
