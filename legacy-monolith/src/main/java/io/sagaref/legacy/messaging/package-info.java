/**
 * Follows inventory-service's events on {@code inventory.events} into the old tables.
 */
@NullMarked
package io.sagaref.legacy.messaging;

import org.jspecify.annotations.NullMarked;
