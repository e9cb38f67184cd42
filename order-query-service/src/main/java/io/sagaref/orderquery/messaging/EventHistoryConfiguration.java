package io.sagaref.orderquery.messaging;

import io.sagaref.messaging.MessagingProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The history readers beside the listener: {@link KafkaEventHistory} reads the listener's
 * topics directly for a rebuild and for the in-memory views. They are not listeners (no
 * group, no inbox, no projection), so they are not components of their own but made here,
 * next to the one listener.
 */
@Configuration(proxyBeanMethods = false)
class EventHistoryConfiguration {

	@Bean
	KafkaEventHistory eventHistory(ConsumerFactory<?, ?> consumers, KafkaAdmin admin, JsonMapper json,
			MessagingProperties messaging, Environment environment) {
		String group = environment.getProperty("spring.application.name", messaging.source());
		return new KafkaEventHistory(consumers.getConfigurationProperties(), admin.getConfigurationProperties(),
				messaging.topics(), group, new SagaEventReader(json));
	}

}
