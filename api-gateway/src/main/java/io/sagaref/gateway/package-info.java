/**
 * The public entry of the saga system: wiring and the backends it fronts.
 */
@NullMarked
package io.sagaref.gateway;

import org.jspecify.annotations.NullMarked;
