/**
 * JDBC implementations of the repositories, including the SKIP LOCKED claim of due
 * deliveries.
 */
@NullMarked
package io.sagaref.notification.persistence;

import org.jspecify.annotations.NullMarked;
