/**
 * Spring Data implementations of the view's repositories.
 */
@NullMarked
package io.sagaref.orderquery.persistence;

import org.jspecify.annotations.NullMarked;
