/**
 * API composition: the customer overview joined in memory from payment, read model and
 * inventory, with per-call deadlines and explicit partial results.
 */
@NullMarked
package io.sagaref.gateway.composition;

import org.jspecify.annotations.NullMarked;
