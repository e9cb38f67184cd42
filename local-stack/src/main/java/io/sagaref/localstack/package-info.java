/**
 * The supervisor behind {@code ./run-local} and the system tests: runs Postgres, the
 * Kafka broker and every service in its own process on one machine, and hands out a
 * handle to each ({@link io.sagaref.localstack.LocalStack}).
 */
@NullMarked
package io.sagaref.localstack;

import org.jspecify.annotations.NullMarked;
