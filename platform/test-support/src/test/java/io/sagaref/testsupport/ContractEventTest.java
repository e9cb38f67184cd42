package io.sagaref.testsupport;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.contracts.EventContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractEventTest {

	@Test
	void anExampleReAddressedToAnOrderStillConformsToTheContract() {
		UUID orderId = UUID.randomUUID();
		Instant at = Instant.parse("2026-12-01T10:00:00Z");

		ContractEvent event = ContractEvent.of("PaymentCompleted")
			.aboutOrder(orderId)
			.sequence(3)
			.occurredAt(at)
			.money("amount", "0.10");

		EventContracts.assertConforms(event.topic(), event.json());
		assertThat(event.topic()).isEqualTo("payments.events");
		assertThat(event.key()).isEqualTo(orderId.toString());
		var tree = TestEvents.tree(event.json());
		assertThat(tree.path("correlationId").asString()).isEqualTo(orderId.toString());
		assertThat(tree.path("payload").path("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(tree.path("payload").path("amount").decimalValue().toPlainString()).isEqualTo("0.10");
		assertThat(tree.path("sequence").asLong()).isEqualTo(3);
		assertThat(tree.path("occurredAt").asString()).isEqualTo(at.toString());
	}

	@Test
	void everyEnvelopeGetsItsOwnEventId() {
		assertThat(ContractEvent.of("OrderPlaced").eventId()).isNotEqualTo(ContractEvent.of("OrderPlaced").eventId());
	}

}
