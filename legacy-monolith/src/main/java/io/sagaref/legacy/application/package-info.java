/**
 * Use cases: answering the catalog reads, and keeping the old tables in step with the
 * events of the new service.
 */
@NullMarked
package io.sagaref.legacy.application;

import org.jspecify.annotations.NullMarked;
