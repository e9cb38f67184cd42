package io.sagaref.order.persistence;

import java.util.Optional;
import java.util.UUID;

import io.sagaref.order.OrderStatus;

/**
 * The status read of every long-poll, as a repository fragment on plain JDBC.
 */
interface OrderStatuses {

	Optional<OrderStatus> statusOf(UUID id);

}
