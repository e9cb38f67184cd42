/**
 * Use cases of the read model: applying events to views, and answering queries.
 */
@NullMarked
package io.sagaref.orderquery.application;

import org.jspecify.annotations.NullMarked;
