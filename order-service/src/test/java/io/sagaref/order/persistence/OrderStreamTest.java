package io.sagaref.order.persistence;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import io.sagaref.eventstore.EventMetadata;
import io.sagaref.eventstore.LogPosition;
import io.sagaref.eventstore.NewEvent;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.messaging.EventEnvelope;
import io.sagaref.order.CustomerId;
import io.sagaref.order.Money;
import io.sagaref.order.Order;
import io.sagaref.order.OrderId;
import io.sagaref.order.OrderLine;
import io.sagaref.order.OrderStatus;
import io.sagaref.order.RejectionReason;
import io.sagaref.order.RequestKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an order's stream is written and read, without a database: the data of each event
 * is exactly its contract payload, the request that placed the order travels in metadata,
 * and folding the stored events, or a snapshot of them, gives the order back.
 */
class OrderStreamTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant PLACED = Instant.parse("2026-12-01T12:00:00.123456Z");

	private final OrderStream stream = new OrderStream(JSON);

	private final CustomerId customer = CustomerId.of("8d4e2f10-1a2b-4c3d-8e9f-0a1b2c3d4e5f");

	@Test
	void writesEachEventAsItsContractPayloadPublishedOnOrdersEventsKeyedByTheOrder() {
		Order order = keyedOrder();

		List<NewEvent> events = this.stream.newEvents(order);

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("OrderPlaced");
			assertThat(event.version()).isEqualTo(1);
			assertThat(event.publication()).isEqualTo(new NewEvent.Publication("orders.events", order.id().toString()));
			assertThat(JSON.writeValueAsString(event.data())).isEqualTo("""
					{"orderId":"%s","customerId":"%s","lines":[{"sku":"BOOK-1","quantity":2,"unitPrice":12.50}],\
					"total":25.00,"callbackUrl":"https://client.example/cb"}""".formatted(order.id(), this.customer));
			EventContracts.assertConforms("orders.events", JSON.writeValueAsString(envelope(stored(event, 1, order))));
		});
	}

	@Test
	void keepsTheRequestThatPlacedTheOrderInTheMetadataNotInThePayload() {
		Order order = keyedOrder();

		EventMetadata metadata = this.stream.metadataOf(order);

		assertThat(metadata.correlationId()).isEqualTo(order.id().toString());
		assertThat(metadata.causationId()).isNull();
		assertThat(metadata.attributes()).containsEntry("idempotencyKey", "key-1")
			.containsEntry("requestHash", "hash-1")
			.containsEntry("callbackUrl", "https://client.example/cb");
		order.takeEvents();
		order.confirm(PLACED.plusSeconds(1));
		assertThat(this.stream.metadataOf(order).attributes()).isEmpty();
	}

	@Test
	void foldsTheStoredEventsIntoTheOrderTimedByTheStore() {
		Order order = keyedOrder();
		order.reject(RejectionReason.INSUFFICIENT_FUNDS, PLACED.plusSeconds(1));
		List<StoredEvent> stored = storedEventsOf(order);

		Order folded = null;
		for (StoredEvent event : stored) {
			folded = this.stream.fold(folded, event);
		}

		assertThat(folded).isNotNull();
		assertThat(folded.id()).isEqualTo(order.id());
		assertThat(folded.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(folded.rejectionReason()).contains(RejectionReason.INSUFFICIENT_FUNDS);
		assertThat(folded.lines()).containsExactly(new OrderLine("BOOK-1", 2, Money.of("12.50")));
		assertThat(folded.wasPlacedBy(new RequestKey("key-1", "hash-1"))).isTrue();
		assertThat(folded.callbackUrl()).contains(URI.create("https://client.example/cb"));
		assertThat(folded.placedAt()).isEqualTo(stored.get(0).recordedAt());
		assertThat(folded.updatedAt()).isEqualTo(stored.get(1).recordedAt());
		assertThat(folded.version()).isEqualTo(2);
	}

	@Test
	void aSnapshotRestoresTheSameOrder() {
		Order order = keyedOrder();
		order.confirm(PLACED.plusSeconds(2));
		order.takeEvents();

		Order restored = this.stream.fromSnapshot(this.stream.snapshotOf(order));

		assertThat(this.stream.snapshotOf(restored)).isEqualTo(this.stream.snapshotOf(order));
		assertThat(restored.version()).isEqualTo(2);
		assertThat(restored.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(restored.updatedAt()).isEqualTo(PLACED.plusSeconds(2));
		restored.cancel(PLACED.plusSeconds(3));
		assertThat(restored.recordedEvents()).singleElement().satisfies((e) -> assertThat(e.sequence()).isEqualTo(3));
	}

	private Order keyedOrder() {
		return Order.place(OrderId.random(), this.customer, List.of(new OrderLine("BOOK-1", 2, Money.of("12.50"))),
				new RequestKey("key-1", "hash-1"), URI.create("https://client.example/cb"), PLACED);
	}

	private List<StoredEvent> storedEventsOf(Order order) {
		List<NewEvent> events = this.stream.newEvents(order);
		List<StoredEvent> stored = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			stored.add(stored(events.get(i), i + 1, order));
		}
		return stored;
	}

	private StoredEvent stored(NewEvent event, long version, Order order) {
		return new StoredEvent(new LogPosition(1, version), "order", order.id().toString(), version, UUID.randomUUID(),
				event.type(), event.version(), JSON.valueToTree(event.data()), this.stream.metadataOf(order),
				PLACED.plusMillis(10 * version));
	}

	private static EventEnvelope envelope(StoredEvent event) {
		return new EventEnvelope(event.eventId(), event.type(), event.version(), event.recordedAt(), "order-service",
				event.streamId(), event.streamVersion(), event.streamId(), null, event.data());
	}

}
