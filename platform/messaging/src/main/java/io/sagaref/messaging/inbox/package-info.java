/**
 * Consumer side: parsing, routing, the processed-message inbox and the dead-letter
 * policy.
 */
@NullMarked
package io.sagaref.messaging.inbox;

import org.jspecify.annotations.NullMarked;
