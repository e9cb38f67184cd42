/**
 * Dead letters an operator can list and replay to their original topic.
 */
@NullMarked
package io.sagaref.messaging.deadletter;

import org.jspecify.annotations.NullMarked;
