/**
 * The read model's store on plain JDBC.
 */
@NullMarked
package io.sagaref.orderquery.persistence;

import org.jspecify.annotations.NullMarked;
