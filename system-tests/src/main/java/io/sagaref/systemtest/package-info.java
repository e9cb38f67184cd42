/**
 * Clients and checks for driving the whole running system through its public API, shared
 * by the system tests and the benchmarks.
 */
@NullMarked
package io.sagaref.systemtest;

import org.jspecify.annotations.NullMarked;
