package io.sagaref.orderquery;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedEventTest {

	private static RecordedEvent at(String instant) {
		return new RecordedEvent(UUID.randomUUID(), 1, Instant.parse(instant),
				new SagaEvent.OrderConfirmed(OrderId.of("3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b"),
						new CustomerId(UUID.fromString("8d4e2f10-1a2b-4c3d-8e9f-0a1b2c3d4e5f"))));
	}

	@Test
	void keepsTheInstantToTheMicrosecondAsPostgresStoresIt() {
		assertThat(at("2026-12-02T16:19:52.741006513Z").occurredAt())
			.isEqualTo(Instant.parse("2026-12-02T16:19:52.741007Z"));
		assertThat(at("2026-12-02T16:19:52.741006499Z").occurredAt())
			.isEqualTo(Instant.parse("2026-12-02T16:19:52.741006Z"));
		assertThat(at("2026-12-02T16:19:52.999999999Z").occurredAt()).isEqualTo(Instant.parse("2026-12-02T16:19:53Z"));
		assertThat(at("2026-12-02T16:19:52.123456Z").occurredAt())
			.isEqualTo(Instant.parse("2026-12-02T16:19:52.123456Z"));
	}

}
