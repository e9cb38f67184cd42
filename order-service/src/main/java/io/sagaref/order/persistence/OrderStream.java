package io.sagaref.order.persistence;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sagaref.eventstore.EventMetadata;
import io.sagaref.eventstore.NewEvent;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.eventstore.StreamDefinition;
import io.sagaref.order.CancellationReason;
import io.sagaref.order.CustomerId;
import io.sagaref.order.Money;
import io.sagaref.order.Order;
import io.sagaref.order.OrderEvent;
import io.sagaref.order.OrderEvent.OrderCancelled;
import io.sagaref.order.OrderEvent.OrderConfirmed;
import io.sagaref.order.OrderEvent.OrderPlaced;
import io.sagaref.order.OrderEvent.OrderRejected;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderLine;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.RecordedEvent;
import io.sagaref.order.RejectionReason;
import io.sagaref.order.RequestKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * An order's stream ({@value #TYPE}, id = order id) as the event store holds it: each
 * event's data is exactly the payload it is published with on {@value #TOPIC} (so the
 * relay publishes it from the store), and the request that placed the order (idempotency
 * key, request hash, callback URL), which is not part of the payload, travels as
 * attributes of OrderPlaced's metadata. Folding is the domain's own {@link Order#fold}.
 */
@Component
class OrderStream implements StreamDefinition<Order> {

	static final String TYPE = "order";

	static final String TOPIC = "orders.events";

	static final String IDEMPOTENCY_KEY = "idempotencyKey";

	static final String REQUEST_HASH = "requestHash";

	static final String CALLBACK_URL = "callbackUrl";

	private final JsonMapper json;

	OrderStream(JsonMapper json) {
		this.json = json;
	}

	@Override
	public String streamType() {
		return TYPE;
	}

	@Override
	public int snapshotSchemaVersion() {
		return 1;
	}

	@Override
	public Order fold(@Nullable Order state, StoredEvent event) {
		return Order.fold(state, eventOf(event), event.streamVersion(), event.recordedAt());
	}

	@Override
	public JsonNode snapshotOf(Order order) {
		return this.json.valueToTree(OrderSnapshot.of(order));
	}

	@Override
	public Order fromSnapshot(JsonNode snapshot) {
		return this.json.treeToValue(snapshot, OrderSnapshot.class).order();
	}

	/**
	 * @param order an order with recorded events
	 * @return them as events to append, each published on {@value #TOPIC} keyed by the
	 * order
	 */
	List<NewEvent> newEvents(Order order) {
		var publication = new NewEvent.Publication(TOPIC, order.id().toString());
		return order.recordedEvents()
			.stream()
			.map(RecordedEvent::event)
			.map((event) -> new NewEvent(event.getClass().getSimpleName(), 1, event, publication))
			.toList();
	}

	/**
	 * @param order an order with recorded events
	 * @return their metadata: correlated by the order (its saga), with the request that
	 * placed it if they include OrderPlaced
	 */
	EventMetadata metadataOf(Order order) {
		EventMetadata metadata = EventMetadata.correlatedBy(order.id().toString());
		for (RecordedEvent<OrderEvent> recorded : order.recordedEvents()) {
			if (recorded.event() instanceof OrderPlaced placed) {
				if (placed.requestKey() != null) {
					metadata = metadata.with(IDEMPOTENCY_KEY, placed.requestKey().key())
						.with(REQUEST_HASH, placed.requestKey().fingerprint());
				}
				if (placed.callbackUrl() != null) {
					metadata = metadata.with(CALLBACK_URL, placed.callbackUrl().toString());
				}
			}
		}
		return metadata;
	}

	/**
	 * @param event a stored event of an order's stream
	 * @return it as the domain's event
	 */
	OrderEvent eventOf(StoredEvent event) {
		return switch (event.type()) {
			case "OrderPlaced" -> placed(read(event, Placed.class), event.metadata());
			case "OrderConfirmed" -> {
				Ended ended = read(event, Ended.class);
				yield new OrderConfirmed(new OrderId(ended.orderId()), new CustomerId(ended.customerId()));
			}
			case "OrderRejected" -> {
				Ended ended = read(event, Ended.class);
				yield new OrderRejected(new OrderId(ended.orderId()), new CustomerId(ended.customerId()),
						RejectionReason.valueOf(String.valueOf(ended.reason())));
			}
			case "OrderCancelled" -> {
				Ended ended = read(event, Ended.class);
				yield new OrderCancelled(new OrderId(ended.orderId()), new CustomerId(ended.customerId()),
						CancellationReason.valueOf(String.valueOf(ended.reason())));
			}
			default -> throw new IllegalStateException(
					"Unknown event type " + event.type() + " in the stream of order " + event.streamId());
		};
	}

	/**
	 * @param event a stored event
	 * @return its data as JSON text
	 */
	String dataOf(StoredEvent event) {
		return this.json.writeValueAsString(event.data());
	}

	private <T> T read(StoredEvent event, Class<T> type) {
		return this.json.treeToValue(event.data(), type);
	}

	private static OrderPlaced placed(Placed data, EventMetadata metadata) {
		String key = metadata.attributes().get(IDEMPOTENCY_KEY);
		String hash = metadata.attributes().get(REQUEST_HASH);
		String callback = metadata.attributes().get(CALLBACK_URL);
		return new OrderPlaced(new OrderId(data.orderId()), new CustomerId(data.customerId()),
				data.lines().stream().map(Line::orderLine).toList(), Money.of(data.total()),
				(key != null && hash != null) ? new RequestKey(key, hash) : null,
				(callback != null) ? URI.create(callback) : null);
	}

	/** The data of OrderPlaced. */
	record Placed(UUID orderId, UUID customerId, List<Line> lines, BigDecimal total) {
	}

	/** The data of the events that end or cancel an order. */
	record Ended(UUID orderId, UUID customerId, @Nullable String reason) {
	}

	/** A line in an event or a snapshot. */
	record Line(String sku, int quantity, BigDecimal unitPrice) {

		static Line of(OrderLine line) {
			return new Line(line.sku(), line.quantity(), line.unitPrice().amount());
		}

		OrderLine orderLine() {
			return new OrderLine(this.sku, this.quantity, Money.of(this.unitPrice));
		}

	}

	/**
	 * The state of an order as a snapshot holds it (schema version 1).
	 */
	record OrderSnapshot(UUID orderId, UUID customerId, List<Line> lines, BigDecimal total,
			@Nullable String idempotencyKey, @Nullable String requestHash, @Nullable String callbackUrl,
			OrderStatus status, @Nullable RejectionReason rejectionReason, Instant placedAt, Instant updatedAt,
			long version) {

		static OrderSnapshot of(Order order) {
			RequestKey key = order.requestKey().orElse(null);
			return new OrderSnapshot(order.id().value(), order.customerId().value(),
					order.lines().stream().map(Line::of).toList(), order.total().amount(),
					(key != null) ? key.key() : null, (key != null) ? key.fingerprint() : null,
					order.callbackUrl().map(URI::toString).orElse(null), order.status(),
					order.rejectionReason().orElse(null), order.placedAt(), order.updatedAt(), order.version());
		}

		Order order() {
			var placed = new OrderPlaced(new OrderId(this.orderId), new CustomerId(this.customerId),
					this.lines.stream().map(Line::orderLine).toList(), Money.of(this.total),
					(this.idempotencyKey != null && this.requestHash != null)
							? new RequestKey(this.idempotencyKey, this.requestHash) : null,
					(this.callbackUrl != null) ? URI.create(this.callbackUrl) : null);
			return Order.restore(placed, this.status, this.rejectionReason, this.placedAt, this.updatedAt,
					this.version);
		}

	}

}
