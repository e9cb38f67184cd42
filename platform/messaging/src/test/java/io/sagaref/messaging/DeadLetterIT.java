package io.sagaref.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.messaging.deadletter.DeadLetters;
import io.sagaref.testsupport.ApiReply;
import io.sagaref.testsupport.Problems;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's dead-letter endpoint on real Kafka: a dead letter is listed with its
 * cause, a replay after the cause is fixed applies it exactly once, and other services'
 * dead letters are neither listed nor replayed here.
 */
class DeadLetterIT extends MessagingIntegrationTest {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void listsADeadLetterWithItsCauseAndReplaysItOnceTheCauseIsFixed() {
		String key = UUID.randomUUID().toString();
		String label = label("replayed");
		MessagingTestApplication.failuresToInject.put(label, new AtomicInteger(Integer.MAX_VALUE));
		publish(key, 1, label);
		var original = probe.awaitRecord(TOPIC, (r) -> r.value().contains(label));
		var dead = probe.awaitRecord(DLT, (r) -> r.value().contains(label));

		ApiReply list = get("/internal/dead-letters");
		assertThat(list.status()).isEqualTo(200);
		JsonNode listed = find(list.json(), label);
		assertThat(listed).as(list.body()).isNotNull();
		assertThat(listed.path("dltTopic").asString()).isEqualTo(DLT);
		assertThat(listed.path("partition").asInt()).isEqualTo(dead.partition());
		assertThat(listed.path("offset").asLong()).isEqualTo(dead.offset());
		assertThat(listed.path("key").asString()).isEqualTo(key);
		assertThat(listed.path("originalTopic").asString()).isEqualTo(TOPIC);
		assertThat(listed.path("originalPartition").asInt()).isEqualTo(original.partition());
		assertThat(listed.path("originalOffset").asLong()).isEqualTo(original.offset());
		assertThat(listed.path("exceptionMessage").asString()).contains("injected failure of " + label);
		assertThat(listed.path("attempts").asInt()).isEqualTo(4);
		assertThat(listed.path("valueTruncated").asBoolean()).isFalse();
		assertThat(listed.path("deadLetteredAt").asString()).isNotEmpty();
		assertThat(applied(label)).isZero();

		MessagingTestApplication.failuresToInject.remove(label);
		String replayPath = "/internal/dead-letters/replay?topic=%s&partition=%d&offset=%d".formatted(DLT,
				dead.partition(), dead.offset());
		ApiReply replay = post(replayPath);

		assertThat(replay.status()).as(replay.body()).isEqualTo(202);
		assertThat(replay.json().path("topic").asString()).isEqualTo(TOPIC);
		assertThat(replay.json().path("partition").asInt()).isEqualTo(original.partition());
		awaitApplied(label, 1);
		var replayed = probe.awaitRecord(TOPIC, (r) -> r.value().contains(label) && r.offset() != original.offset());
		assertThat(replayed.key()).isEqualTo(key);
		assertThat(replayed.value()).isEqualTo(original.value());
		assertThat(header(replayed, DeadLetters.REPLAYED_FROM_HEADER))
			.isEqualTo(DLT + "-" + dead.partition() + "@" + dead.offset());
		assertThat(replayed.headers()).noneMatch((h) -> h.key().startsWith("kafka_dlt-"));

		// a second replay reaches the consumer again and changes nothing
		assertThat(post(replayPath).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30)).until(() -> copies(label), (n) -> n == 3);
		String after = publish(key, 2, label("after-replay"));
		awaitApplied(after, 1);
		assertThat(applied(label)).isEqualTo(1);
	}

	@Test
	void answersNotFoundForADeadLetterThatDoesNotExist() {
		assertNotFound(
				post("/internal/dead-letters/replay?topic=%s&partition=0&offset=%d".formatted(DLT, Long.MAX_VALUE / 2)),
				"offsets there run from");
		assertNotFound(post("/internal/dead-letters/replay?topic=%s&partition=7&offset=0".formatted(DLT)),
				"no such partition");
		assertNotFound(post("/internal/dead-letters/replay?topic=elsewhere.DLT&partition=0&offset=0"), "is not one of");
	}

	@Test
	void leavesTheDeadLettersOfOtherServicesAlone() throws Exception {
		String label = label("not-ours");
		var record = new ProducerRecord<String, String>(DLT, "key-" + label, "{\"label\":\"" + label + "\"}");
		record.headers()
			.add("kafka_dlt-original-consumer-group", "payment-service".getBytes(StandardCharsets.UTF_8))
			.add("kafka_dlt-original-topic", TOPIC.getBytes(StandardCharsets.UTF_8));
		var sent = this.kafka.send(record).get().getRecordMetadata();

		assertThat(find(get("/internal/dead-letters").json(), label)).isNull();
		assertNotFound(post("/internal/dead-letters/replay?topic=%s&partition=%d&offset=%d".formatted(DLT,
				sent.partition(), sent.offset())), "dead-lettered by payment-service");
	}

	@Test
	void refusesAListLimitOutOfRange() {
		ApiReply reply = get("/internal/dead-letters?limit=0");

		Problems.assertProblem(reply, 400, "limit");
	}

	private static void assertNotFound(ApiReply reply, String detailContains) {
		Problems.assertProblem(reply, 404, detailContains);
	}

	private static @Nullable JsonNode find(JsonNode deadLetters, String label) {
		for (JsonNode deadLetter : deadLetters) {
			if (deadLetter.path("value").asString().contains(label)) {
				return deadLetter;
			}
		}
		return null;
	}

}
