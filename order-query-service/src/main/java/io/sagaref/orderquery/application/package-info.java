/**
 * Use cases of the read model: applying events to views, answering queries (from memory
 * where it can, waiting for read tokens), and rebuilding the views from the topics.
 */
@NullMarked
package io.sagaref.orderquery.application;

import org.jspecify.annotations.NullMarked;
