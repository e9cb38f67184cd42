package io.sagaref.messaging;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingDefaultsTest {

	@Test
	void givesEveryServiceDurablePublishingManualOffsetsAndItsSchemaNamedOnce() {
		var environment = environmentWith(
				Map.of("spring.application.name", "payment-service", "saga.schema", "payments"));

		new MessagingDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
		assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
		assertThat(environment.getProperty("spring.kafka.consumer.enable-auto-commit")).isEqualTo("false");
		assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("payment-service");
		assertThat(environment.getProperty("saga.messaging.source")).isEqualTo("payment-service");
		assertThat(environment.getProperty("spring.flyway.default-schema")).isEqualTo("payments");
		assertThat(environment.getProperty("spring.jpa.properties.hibernate.default_schema")).isEqualTo("payments");
		assertThat(environment.getProperty("spring.flyway.locations")).contains("classpath:db/messaging");
	}

	@Test
	void letsTheServiceOverrideAnyDefault() {
		var environment = environmentWith(Map.of("spring.flyway.locations", "classpath:db/own"));

		new MessagingDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.flyway.locations")).isEqualTo("classpath:db/own");
	}

	private static StandardEnvironment environmentWith(Map<String, Object> properties) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("service", properties));
		return environment;
	}

}
