/**
 * Request-level proxy: which public path goes to which service, and the problem answers
 * when no route matches or a backend fails.
 */
@NullMarked
package io.sagaref.gateway.routing;

import org.jspecify.annotations.NullMarked;
