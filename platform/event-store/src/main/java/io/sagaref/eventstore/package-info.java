/**
 * The event store: an append-only {@code event_store} table in the service's own schema
 * is the source of truth of event-sourced aggregates. Appends state the version they
 * expect (optimistic concurrency per stream); reads upcast old event versions to the
 * current one; snapshots shorten long streams; readers in commit order never skip an
 * event whose transaction commits late; an event marked for publication is published by
 * the outbox relay from the store itself, so there is no second copy that can drift. See
 * docs/adr/0009-event-store.md.
 */
@NullMarked
package io.sagaref.eventstore;

import org.jspecify.annotations.NullMarked;
