/**
 * Test doubles of the messaging library, for use-case tests that run without Postgres or
 * Kafka. Integration tests use the real outbox.
 */
@NullMarked
package io.sagaref.messaging.testing;

import org.jspecify.annotations.NullMarked;
