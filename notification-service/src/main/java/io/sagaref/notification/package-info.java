/**
 * Notification domain: webhook endpoints, their secrets and signatures, the target
 * policy, the retry schedule and deliveries. Plain Java. The application class sits here
 * too.
 */
@NullMarked
package io.sagaref.notification;

import org.jspecify.annotations.NullMarked;
