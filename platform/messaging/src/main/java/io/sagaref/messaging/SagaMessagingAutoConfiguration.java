package io.sagaref.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sagaref.messaging.deadletter.DeadLetterWebConfiguration;
import io.sagaref.messaging.deadletter.DeadLetters;
import io.sagaref.messaging.inbox.ErrorPolicy;
import io.sagaref.messaging.inbox.EventRouters;
import io.sagaref.messaging.inbox.Inbox;
import io.sagaref.messaging.inbox.PersistenceContextFlush;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.messaging.outbox.OutboxRelay;
import io.sagaref.messaging.outbox.RelayFailpoints;
import io.sagaref.messaging.outbox.StoredEnvelopes;
import io.sagaref.messaging.retention.MessageRetention;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the messaging infrastructure for any service that has this library on its class
 * path: the outbox, its relay, the inbox, event routers, the error policy, the retention
 * job and (in a servlet web application) the dead-letter endpoint
 * {@code /internal/dead-letters}. A service declares only its routes and its own
 * settings; its Flyway locations include {@code classpath:db/messaging} for the tables.
 * Being an auto-configuration, it stays out of test slices such as {@code @WebMvcTest}.
 */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
@Import(DeadLetterWebConfiguration.class)
public class SagaMessagingAutoConfiguration {

	@Bean
	OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager txManager,
			KafkaTemplate<String, String> kafka, MessagingProperties properties,
			ObjectProvider<StoredEnvelopes> storedEnvelopes) {
		var failpoints = RelayFailpoints.of(properties.failpoints().publishTwice(),
				properties.failpoints().haltAfterPublish());
		return new OutboxRelay(jdbc, new TransactionTemplate(txManager), kafka, properties.relayBatchSize(),
				properties.relayPollInterval(), properties.sendTimeout(), failpoints, storedEnvelopes.getIfAvailable());
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
	EventRouters eventRouters(JsonMapper json, Inbox inbox, PlatformTransactionManager txManager,
			MessagingProperties properties, BeanFactory beans) {
		return new EventRouters(json, inbox, txManager, properties.source(), PersistenceContextFlush.of(beans));
	}

	@Bean
	MessageRetention messageRetention(JdbcTemplate jdbc, MessagingProperties properties) {
		var retention = properties.retention();
		return new MessageRetention(jdbc, retention.enabled(), retention.outbox(), retention.inbox(),
				retention.interval(), retention.batchSize());
	}

	/**
	 * Dead letters belong to the consumer group that failed them; by the house convention
	 * listeners use {@code spring.application.name} as their group.
	 */
	@Bean
	DeadLetters deadLetters(ConsumerFactory<?, ?> consumers, KafkaTemplate<String, String> kafka,
			MessagingProperties properties, Environment environment) {
		String group = environment.getProperty("spring.application.name", properties.source());
		return new DeadLetters(consumers.getConfigurationProperties(), kafka, properties.topics(), group,
				Duration.ofSeconds(10));
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MessagingProperties properties) {
		return ErrorPolicy.errorHandler(kafka, properties.retryAttempts(), properties.retryInitialInterval(),
				properties.retryMaxInterval());
	}

	/**
	 * Event topics keep their events for ever ({@code retention.ms=-1}): a consumer added
	 * later, or a read model rebuilt from the topics, must find every event. Dead-letter
	 * topics keep the broker's default. The platform default
	 * {@code spring.kafka.admin.modify-topic-configs=true} makes the admin correct the
	 * setting of topics that already exist.
	 */
	@Bean
	KafkaAdmin.NewTopics sagaTopics(MessagingProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : properties.topics()) {
			topics.add(TopicBuilder.name(topic)
				.partitions(properties.partitions())
				.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
				.build());
			topics.add(TopicBuilder.name(topic + ErrorPolicy.DLT_SUFFIX).partitions(1).build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
