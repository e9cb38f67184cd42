/**
 * Retention: deletes published outbox rows and old inbox rows so the tables stay small.
 */
@NullMarked
package io.sagaref.messaging.retention;

import org.jspecify.annotations.NullMarked;
