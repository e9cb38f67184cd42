/**
 * HTTP adapter: order views and the paged, filtered list of them.
 */
@NullMarked
package io.sagaref.orderquery.web;

import org.jspecify.annotations.NullMarked;
