/**
 * What every request meets at the door, before it is routed or composed: its request id,
 * the per-client rate limit and the request size limit.
 */
@NullMarked
package io.sagaref.gateway.edge;

import org.jspecify.annotations.NullMarked;
