/**
 * The launcher of {@code ./run-local}: runs the whole system on the embedded
 * infrastructure with each service in its own process.
 */
@NullMarked
package io.sagaref.localstack;

import org.jspecify.annotations.NullMarked;
