package io.sagaref.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.sagaref.messaging.inbox.ErrorPolicy;
import io.sagaref.messaging.inbox.Inbox;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.messaging.outbox.OutboxRelay;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the messaging infrastructure; imported by {@link EnableSagaMessaging}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
class MessagingConfiguration {

	@Bean
	OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager txManager,
			KafkaTemplate<String, String> kafka, MessagingProperties properties) {
		return new OutboxRelay(jdbc, new TransactionTemplate(txManager), kafka, properties.relayBatchSize(),
				properties.relayPollInterval(), properties.sendTimeout());
	}

	@Bean
	Outbox outbox(JdbcTemplate jdbc, JsonMapper json, MessagingProperties properties, OutboxRelay relay) {
		return new Outbox(jdbc, json, properties.source(), Clock.systemUTC(), relay::wakeUp);
	}

	@Bean
	Inbox inbox(JdbcTemplate jdbc) {
		return new Inbox(jdbc);
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MessagingProperties properties) {
		return ErrorPolicy.errorHandler(kafka, properties.retryAttempts(), properties.retryInitialInterval(),
				properties.retryMaxInterval());
	}

	@Bean
	KafkaAdmin.NewTopics sagaTopics(MessagingProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : properties.topics()) {
			topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).build());
			topics.add(TopicBuilder.name(topic + ErrorPolicy.DLT_SUFFIX).partitions(1).build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
