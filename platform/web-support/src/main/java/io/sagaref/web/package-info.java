/**
 * HTTP error policy shared by every service: problem details with a clear detail, never a
 * stack trace, never a 5xx for bad input.
 */
@NullMarked
package io.sagaref.web;

import org.jspecify.annotations.NullMarked;
