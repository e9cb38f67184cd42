package io.sagaref.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.messaging.inbox.ErrorPolicy;
import io.sagaref.messaging.inbox.Inbox;
import io.sagaref.testsupport.TestEvents;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer applies a poll's records in one transaction, isolates the records it
 * cannot apply and skips ignored types by header. Records are sent while the listener is
 * stopped, so that they arrive in one poll when it starts again.
 */
class BatchDispatchIT extends MessagingIntegrationTest {

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	Inbox inbox;

	@AfterEach
	void listening() {
		this.listeners.start();
	}

	@Test
	void appliesTheRecordsOfOnePollInOneTransaction() {
		String key = UUID.randomUUID().toString();
		String run = label("batched");
		List<String> labels = new ArrayList<>();
		int afterEachBefore = MessagingTestApplication.afterEachInTransaction.size();
		whileNotListening(() -> {
			for (int i = 0; i < 50; i++) {
				labels.add(publish(key, i + 1, run + "-" + i));
			}
			awaitPublished(labels);
		});
		labels.forEach((label) -> awaitApplied(label, 1));
		// now() is the start of the transaction: one instant per transaction
		Integer transactions = this.jdbc.queryForObject("select count(distinct m.processed_at) from processed_message m"
				+ " join applied a on a.event_id = m.event_id where a.label like ?", Integer.class, run + "-%");
		assertThat(transactions).isLessThanOrEqualTo(3);
		assertThat(MessagingTestApplication.afterEachInTransaction)
			.as("after each applied event, inside its transaction")
			.hasSizeGreaterThanOrEqualTo(afterEachBefore + 50)
			.containsOnly(true);
		assertThat(MessagingTestApplication.announced).as("announced before the handlers ran").containsAll(labels);
		assertThat(MessagingTestApplication.handledUnannounced).isEmpty();
	}

	@Test
	void isolatesPoisonAndAFailingRecordWhileTheRestOfThePollCommitsOnce() {
		String key = UUID.randomUUID().toString();
		String first = label("before-trouble");
		String hopeless = label("hopeless-in-batch");
		MessagingTestApplication.failuresToInject.put(hopeless, new AtomicInteger(Integer.MAX_VALUE));
		String duplicate = TestEvents.envelope(UUID.randomUUID(), "ThingHappened", "elsewhere", key, 1,
				"{\"label\": \"" + first + "\"}");
		List<String> after = new ArrayList<>();
		whileNotListening(() -> {
			probe.send(TOPIC, key, duplicate);
			probe.send(TOPIC, key, "{poison in a batch");
			probe.send(TOPIC, key, duplicate);
			publish(key, 2, hopeless);
			after.add(publish(key, 3, label("after-trouble")));
			after.add(publish(key, 4, label("after-trouble")));
			awaitPublished(after);
		});
		after.forEach((label) -> awaitApplied(label, 1));
		assertThat(applied(first)).isEqualTo(1);
		assertThat(applied(hopeless)).isZero();
		var poison = probe.awaitRecord(DLT, (r) -> key.equals(r.key()) && "{poison in a batch".equals(r.value()));
		assertThat(header(poison, ErrorPolicy.ATTEMPTS_HEADER)).isEqualTo("1");
		var failed = probe.awaitRecord(DLT, (r) -> r.value().contains(hopeless));
		assertThat(header(failed, ErrorPolicy.ATTEMPTS_HEADER)).isEqualTo("4");
	}

	@Test
	void skipsAnIgnoredTypeByItsHeaderWithoutParsingIt() throws Exception {
		String key = UUID.randomUUID().toString();
		var ignored = new ProducerRecord<String, String>(TOPIC, key, "not parsed, so never poison");
		ignored.headers().add(EventEnvelope.TYPE_HEADER, "Boring".getBytes(StandardCharsets.UTF_8));
		this.kafka.send(ignored).get();
		String good = publish(key, 1, label("after-ignored-by-header"));
		awaitApplied(good, 1);
		assertThat(probe.records(DLT)).noneMatch((r) -> key.equals(r.key()));
	}

	@Test
	void recordsABatchOfDeliveriesInOneStatementAndAnswersOnlyTheFirstOnes() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		var firstTime = this.tx.execute((status) -> this.inbox.firstDeliveries(List.of(a, b, a), "inbox-test"));
		var secondTime = this.tx.execute((status) -> this.inbox.firstDeliveries(List.of(a, c), "inbox-test"));
		assertThat(firstTime).containsExactlyInAnyOrder(a, b);
		assertThat(secondTime).containsExactly(c);
	}

	private static void awaitPublished(List<String> labels) {
		await().atMost(Duration.ofSeconds(30)).until(() -> labels.stream().allMatch((label) -> copies(label) > 0));
	}

	private void whileNotListening(Runnable action) {
		this.listeners.stop();
		try {
			action.run();
		}
		finally {
			this.listeners.start();
		}
	}

}
