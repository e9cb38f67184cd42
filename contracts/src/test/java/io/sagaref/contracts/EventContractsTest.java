package io.sagaref.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractsTest {

	@Test
	void everyCatalogedEventHasAnExampleThatConformsToItself() {
		EventContracts.topics()
			.forEach((topic, types) -> types.forEach((type) -> assertThatNoException().as(type)
				.isThrownBy(() -> EventContracts.assertConforms(topic, EventContracts.example(type)))));
		assertThat(EventContracts.topics()).containsOnlyKeys("orders.events", "payments.events", "inventory.events",
				"notifications.events");
	}

	@Test
	void rejectsAMissingField() {
		String withoutTotal = EventContracts.example("OrderPlaced").replace("\"total\": 25.00", "\"totl\": 25.00");
		assertThatThrownBy(() -> EventContracts.assertConforms("orders.events", withoutTotal))
			.hasMessageContaining("missing field payload.total")
			.hasMessageContaining("unexpected field payload.totl");
	}

	@Test
	void rejectsAWrongKindOfValue() {
		String quotedAmount = EventContracts.example("PaymentCompleted")
			.replace("\"amount\": 25.00", "\"amount\": \"25\"");
		assertThatThrownBy(() -> EventContracts.assertConforms("payments.events", quotedAmount))
			.hasMessageContaining("payload.amount is STRING");
	}

	@Test
	void rejectsAReasonOutsideTheContract() {
		String odd = EventContracts.example("OrderRejected").replace("INSUFFICIENT_FUNDS", "BAD_LUCK");
		assertThatThrownBy(() -> EventContracts.assertConforms("orders.events", odd)).hasMessageContaining("BAD_LUCK");
	}

	@Test
	void rejectsAnEventOnTheWrongTopic() {
		assertThatThrownBy(
				() -> EventContracts.assertConforms("orders.events", EventContracts.example("StockReserved")))
			.hasMessageContaining("not in the contract of orders.events");
	}

}
