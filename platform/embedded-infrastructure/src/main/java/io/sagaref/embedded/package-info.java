/**
 * Real infrastructure without Docker: an embedded PostgreSQL server with every service's
 * schema and role, and an in-process KRaft broker. Integration tests start these through
 * test-support; {@code ./run-local} starts the same Postgres for the whole stack.
 */
@NullMarked
package io.sagaref.embedded;

import org.jspecify.annotations.NullMarked;
