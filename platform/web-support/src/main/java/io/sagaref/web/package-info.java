/**
 * HTTP policy shared by every service: problem details with a clear detail, never a stack
 * trace, never a 5xx for bad input; and the request id of every request in its log lines.
 */
@NullMarked
package io.sagaref.web;

import org.jspecify.annotations.NullMarked;
