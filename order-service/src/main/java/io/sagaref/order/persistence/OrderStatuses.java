package io.sagaref.order.persistence;

import java.util.Optional;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderStatus;

/**
 * The status read of every long-poll, as a repository fragment on plain JDBC.
 */
interface OrderStatuses {

	Optional<OrderStatus> statusOf(OrderId id);

}
