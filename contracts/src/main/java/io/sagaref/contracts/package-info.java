/**
 * The event contract as data, and the checks that keep producers and consumers true to
 * it.
 */
@NullMarked
package io.sagaref.contracts;

import org.jspecify.annotations.NullMarked;
