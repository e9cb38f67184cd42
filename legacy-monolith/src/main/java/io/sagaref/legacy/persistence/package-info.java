/**
 * The old system's tables on plain JDBC.
 */
@NullMarked
package io.sagaref.legacy.persistence;

import org.jspecify.annotations.NullMarked;
