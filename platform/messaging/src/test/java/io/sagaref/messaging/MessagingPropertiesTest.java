package io.sagaref.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessagingPropertiesTest {

	private static MessagingProperties bind(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.put("saga.messaging.source", "some-service");
		return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("saga.messaging",
				MessagingProperties.class);
	}

	@Test
	void keepsPublishedOutboxRowsAnHourAndInboxRowsAWeekByDefault() {
		var retention = bind(Map.of()).retention();

		assertThat(retention.enabled()).isTrue();
		assertThat(retention.outbox()).isEqualTo(Duration.ofHours(1));
		assertThat(retention.inbox()).isEqualTo(Duration.ofDays(7));
		assertThat(retention.interval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(retention.batchSize()).isEqualTo(1000);
	}

	@Test
	void bindsTheRetentionSettings() {
		var retention = bind(Map.of("saga.messaging.retention.enabled", "false", "saga.messaging.retention.outbox",
				"2h", "saga.messaging.retention.inbox", "14d", "saga.messaging.retention.interval", "30s",
				"saga.messaging.retention.batch-size", "50"))
			.retention();

		assertThat(retention.enabled()).isFalse();
		assertThat(retention.outbox()).isEqualTo(Duration.ofHours(2));
		assertThat(retention.inbox()).isEqualTo(Duration.ofDays(14));
		assertThat(retention.interval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(retention.batchSize()).isEqualTo(50);
	}

	@Test
	void refusesAnInboxRetentionThatIsNotPositive() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("saga.messaging.retention.inbox", "0s")))
			.havingRootCause()
			.withMessageContaining("saga.messaging.retention.inbox");
	}

	@Test
	void hasEveryFailpointOffByDefault() {
		var failpoints = bind(Map.of()).failpoints();

		assertThat(failpoints.publishTwice()).isFalse();
		assertThat(failpoints.haltAfterPublish()).isZero();
	}

	@Test
	void bindsTheFailpoints() {
		var failpoints = bind(Map.of("saga.messaging.failpoints.publish-twice", "true",
				"saga.messaging.failpoints.halt-after-publish", "3"))
			.failpoints();

		assertThat(failpoints.publishTwice()).isTrue();
		assertThat(failpoints.haltAfterPublish()).isEqualTo(3);
	}

}
