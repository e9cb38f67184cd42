package io.sagaref.payment;

import java.util.List;

import io.sagaref.contracts.EventContracts;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events a payment records are published as they are: written to JSON, each must be
 * the payload its contract describes, ids as UUID strings and amounts as numbers with two
 * decimals.
 */
class PaymentEventJsonTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OrderId orderId = OrderId.of("3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b");

	private final CustomerId customerId = CustomerId.of("8d4e2f10-1a2b-4c3d-8e9f-0a1b2c3d4e5f");

	@Test
	void paymentCompletedIsWrittenAsTheContractSays() {
		String payload = JSON.writeValueAsString(new PaymentCompleted(this.orderId, this.customerId, Money.of("25"),
				List.of(new OrderLine("BOOK-1", 2))));

		assertThat(payload).isEqualTo("{\"orderId\":\"3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b\","
				+ "\"customerId\":\"8d4e2f10-1a2b-4c3d-8e9f-0a1b2c3d4e5f\",\"amount\":25.00,"
				+ "\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":2}]}");
		assertConforms("PaymentCompleted", payload);
	}

	@Test
	void paymentDeclinedIsWrittenAsTheContractSays() {
		String payload = JSON.writeValueAsString(new PaymentDeclined(this.orderId, this.customerId, Money.of("30.01"),
				DeclineReason.INSUFFICIENT_FUNDS));

		assertThat(TestEvents.tree(payload).path("amount").decimalValue()).hasToString("30.01");
		assertConforms("PaymentDeclined", payload);
	}

	@Test
	void paymentRefundedIsWrittenAsTheContractSays() {
		String payload = JSON.writeValueAsString(
				new PaymentRefunded(this.orderId, this.customerId, Money.of("7.5"), RefundReason.OUT_OF_STOCK));

		JsonNode tree = TestEvents.tree(payload);
		assertThat(tree.path("amount").decimalValue()).hasToString("7.50");
		assertThat(tree.path("reason").asString()).isEqualTo("OUT_OF_STOCK");
		assertConforms("PaymentRefunded", payload);
	}

	private void assertConforms(String type, String payload) {
		EventContracts.assertConforms("payments.events",
				TestEvents.envelope(type, "payment-service", this.orderId.toString(), 1, payload));
	}

}
