/**
 * Real Postgres and Kafka embedded in a JVM, and the launcher that runs the whole system
 * on them with each service in its own process.
 */
@NullMarked
package io.sagaref.localstack;

import org.jspecify.annotations.NullMarked;
