package io.sagaref.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event topics keep their events for ever, so that a consumer added later (or a read
 * model rebuilt from the topics) finds all of them; dead-letter topics keep the broker's
 * default; and a topic that already exists with another retention is corrected.
 */
class TopicRetentionIT extends MessagingIntegrationTest {

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Test
	void eventTopicsKeepTheirEventsForEverAndDeadLetterTopicsDoNot() throws Exception {
		assertThat(retentionOf(TOPIC)).isEqualTo("-1");
		assertThat(retentionOf(DLT)).isNotEqualTo("-1");
	}

	@Test
	void correctsTheRetentionOfAnEventTopicThatAlreadyExists() throws Exception {
		String topic = "retention." + UUID.randomUUID();
		try (Admin admin = admin()) {
			admin
				.createTopics(List
					.of(new NewTopic(topic, 1, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000"))))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		assertThat(retentionOf(topic)).isEqualTo("3600000");

		this.kafkaAdmin.createOrModifyTopics(
				TopicBuilder.name(topic).partitions(1).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());

		assertThat(retentionOf(topic)).isEqualTo("-1");
	}

	private String retentionOf(String topic) throws Exception {
		var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		try (Admin admin = admin()) {
			var config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
			return config.get(TopicConfig.RETENTION_MS_CONFIG).value();
		}
	}

	private Admin admin() {
		return Admin.create(this.kafkaAdmin.getConfigurationProperties());
	}

}
