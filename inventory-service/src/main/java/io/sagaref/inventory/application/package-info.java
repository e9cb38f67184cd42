/**
 * Use cases of inventory: one transactional service per aggregate, each handing the
 * events it causes to the outbox in the same transaction.
 */
@NullMarked
package io.sagaref.inventory.application;

import org.jspecify.annotations.NullMarked;
