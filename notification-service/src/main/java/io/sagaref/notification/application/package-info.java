/**
 * Use cases: registering endpoints, queueing deliveries for order outcomes, and the
 * worker that delivers them; settings and the outbox publisher.
 */
@NullMarked
package io.sagaref.notification.application;

import org.jspecify.annotations.NullMarked;
