/**
 * Persistence adapter: accounts on the event store (their streams, snapshots, upcasters,
 * and the current-state rows written beside each event, with the row locks that serialize
 * money movements), payments on Spring Data JPA, and the converter that stores money as
 * {@code numeric(19,2)}.
 */
@NullMarked
package io.sagaref.payment.persistence;

import org.jspecify.annotations.NullMarked;
