/**
 * Persistence adapter: Spring Data JPA implementations of the domain's repositories, with
 * the row locks that serialize money movements, and the converter that stores money as
 * {@code numeric(19,2)}.
 */
@NullMarked
package io.sagaref.payment.persistence;

import org.jspecify.annotations.NullMarked;
