package io.sagaref.notification.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.notification.CustomerId;
import io.sagaref.notification.Deliveries;
import io.sagaref.notification.DeliveryId;
import io.sagaref.notification.NewDelivery;
import io.sagaref.notification.PlacedOrder;
import io.sagaref.notification.PlacedOrders;
import io.sagaref.notification.Webhook;
import io.sagaref.notification.Webhooks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Turns the order events into queued deliveries: OrderPlaced is remembered (its total and
 * callback URL), and each terminal event queues one delivery per active endpoint of the
 * customer, or only to the order's callback endpoint if it named one. Runs in the
 * consumer's transaction; a redelivered event queues nothing new (unique per event and
 * endpoint, besides the inbox).
 */
@Service
public class OrderOutcomes {

	/** A terminal order event, as the webhook body reports it. */
	public enum Outcome {

		CONFIRMED("order.confirmed"), REJECTED("order.rejected"), CANCELLED("order.cancelled");

		private final String type;

		Outcome(String type) {
			this.type = type;
		}

		public String type() {
			return this.type;
		}

	}

	private final PlacedOrders orders;

	private final Webhooks webhooks;

	private final Deliveries deliveries;

	private final JsonMapper json;

	private final Clock clock;

	OrderOutcomes(PlacedOrders orders, Webhooks webhooks, Deliveries deliveries, JsonMapper json, Clock clock) {
		this.orders = orders;
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param order an order just placed
	 */
	public void placed(PlacedOrder order) {
		this.orders.remember(order);
	}

	/**
	 * Queues the outcome for the customer's endpoints.
	 * @param eventId the terminal event
	 * @param occurredAt when the order ended
	 * @param outcome how
	 * @param orderId the order
	 * @param customerId its customer
	 * @param rejectionReason why it was rejected, if it was
	 * @return how many deliveries were queued
	 */
	public int ended(UUID eventId, Instant occurredAt, Outcome outcome, UUID orderId, CustomerId customerId,
			@Nullable String rejectionReason) {
		var placed = this.orders.find(orderId);
		List<Webhook> targets = this.webhooks.activeOf(customerId);
		if (placed.isPresent() && placed.get().callbackUrl() != null) {
			String callback = placed.get().callbackUrl().toString();
			targets = targets.stream().filter((webhook) -> webhook.url().toString().equals(callback)).toList();
		}
		if (targets.isEmpty()) {
			return 0;
		}
		String body = body(occurredAt, outcome, orderId, customerId, rejectionReason,
				placed.map(PlacedOrder::total).orElse(null));
		List<NewDelivery> queued = new ArrayList<>();
		for (Webhook webhook : targets) {
			queued.add(new NewDelivery(DeliveryId.random(), webhook.id(), eventId, outcome.type(), orderId, body));
		}
		return this.deliveries.enqueue(queued, this.clock.instant());
	}

	private String body(Instant occurredAt, Outcome outcome, UUID orderId, CustomerId customerId,
			@Nullable String rejectionReason, @Nullable BigDecimal total) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		data.put("orderId", orderId);
		data.put("customerId", customerId.value());
		data.put("status", outcome.name());
		if (rejectionReason != null) {
			data.put("rejectionReason", rejectionReason);
		}
		data.put("total", total);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", outcome.type());
		body.put("timestamp", occurredAt.toString());
		body.put("data", data);
		return this.json.writeValueAsString(body);
	}

}
