package io.sagaref.order.application;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.sagaref.order.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceOrderTest {

	private final CustomerId customer = CustomerId.random();

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
		assertThat(new PlaceOrder(CustomerId.random(), List.of(new PlaceOrder.Line("A", 1)), null, "k").fingerprint())
			.isNotEqualTo(original);
	}

	/**
	 * Stored orders keep the hash of the request that placed them: the formula may never
	 * change, or a retry after an upgrade would be refused as a different request.
	 */
	@Test
	void theFingerprintOfARequestNeverChanges() {
		var request = new PlaceOrder(new CustomerId(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427")),
				List.of(new PlaceOrder.Line("A", 1), new PlaceOrder.Line("BB", 3)),
				URI.create("https://client.example/cb"), "key");

		assertThat(request.fingerprint()).isEqualTo("1b08c7d438dca755f53112039ef7df035b9b0cdbacb1b4458214ada7c657ec66");
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
