/**
 * The {@code ./run-local} command line (picocli): options in, a running stack, its ready
 * banner, and a clean stop on Ctrl-C.
 */
@NullMarked
package io.sagaref.localstack.cli;

import org.jspecify.annotations.NullMarked;
