/**
 * The event store, its snapshots and the envelopes the outbox relay publishes, on the
 * service's own Postgres schema through JDBC.
 */
@NullMarked
package io.sagaref.eventstore.jdbc;

import org.jspecify.annotations.NullMarked;
