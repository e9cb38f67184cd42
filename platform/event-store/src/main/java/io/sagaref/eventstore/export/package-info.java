/**
 * The automated log: the event store in commit order as CloudEvents over HTTP.
 */
@NullMarked
package io.sagaref.eventstore.export;

import org.jspecify.annotations.NullMarked;
