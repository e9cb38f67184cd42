/**
 * Persistence adapter: Spring Data JPA implementations of the domain's repositories, with
 * the row locks that serialize money movements.
 */
@NullMarked
package io.sagaref.payment.persistence;

import org.jspecify.annotations.NullMarked;
