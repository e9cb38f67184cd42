package io.sagaref.order.application;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceOrderTest {

	private final UUID customer = UUID.randomUUID();

	@Test
	void equalRequestsHaveEqualFingerprints() {
		assertThat(request(List.of(new PlaceOrder.Line("A", 1)), null).fingerprint())
			.isEqualTo(request(List.of(new PlaceOrder.Line("A", 1)), null).fingerprint());
	}

	@Test
	void anyDifferenceChangesTheFingerprint() {
		String original = request(List.of(new PlaceOrder.Line("A", 1)), null).fingerprint();

		assertThat(request(List.of(new PlaceOrder.Line("A", 2)), null).fingerprint()).isNotEqualTo(original);
		assertThat(request(List.of(new PlaceOrder.Line("B", 1)), null).fingerprint()).isNotEqualTo(original);
		assertThat(request(List.of(new PlaceOrder.Line("A", 1)), URI.create("https://x.example")).fingerprint())
			.isNotEqualTo(original);
		assertThat(new PlaceOrder(UUID.randomUUID(), List.of(new PlaceOrder.Line("A", 1)), null, "k").fingerprint())
			.isNotEqualTo(original);
	}

	@Test
	void carriesAKeyOnlyWhenTheClientSentOne() {
		assertThat(request(List.of(new PlaceOrder.Line("A", 1)), null).requestKey()).isNotNull();
		assertThat(new PlaceOrder(this.customer, List.of(new PlaceOrder.Line("A", 1)), null, null).requestKey())
			.isNull();
	}

	private PlaceOrder request(List<PlaceOrder.Line> lines, URI callbackUrl) {
		return new PlaceOrder(this.customer, lines, callbackUrl, "key");
	}

}
