/**
 * HTTP adapter: the public order API (place, status with long-poll, cancel) and internal
 * read endpoints for debugging and tests.
 */
@NullMarked
package io.sagaref.order.web;

import org.jspecify.annotations.NullMarked;
