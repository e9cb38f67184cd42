/**
 * Use cases of inventory: one transactional service per aggregate, each handing the
 * aggregates it changed to the {@code EventPublisher}, which puts their events in the
 * outbox in the same transaction.
 */
@NullMarked
package io.sagaref.inventory.application;

import org.jspecify.annotations.NullMarked;
