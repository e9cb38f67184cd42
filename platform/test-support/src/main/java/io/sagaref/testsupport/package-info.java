/**
 * Test infrastructure: real Postgres and Kafka for every integration test, chosen
 * automatically (Testcontainers with Docker, embedded servers without), and probes to
 * talk to them.
 */
@NullMarked
package io.sagaref.testsupport;

import org.jspecify.annotations.NullMarked;
