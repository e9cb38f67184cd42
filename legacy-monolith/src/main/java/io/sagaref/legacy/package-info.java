/**
 * The old system's catalog: its products and the repository they are kept in.
 */
@NullMarked
package io.sagaref.legacy;

import org.jspecify.annotations.NullMarked;
