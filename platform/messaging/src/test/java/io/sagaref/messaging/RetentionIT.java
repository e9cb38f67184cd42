package io.sagaref.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.messaging.retention.MessageRetention;
import io.sagaref.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention with its default windows (outbox 1h after publication, inbox 7 days) on real
 * Postgres: what is due goes, what is recent or still unpublished stays.
 */
class RetentionIT extends MessagingIntegrationTest {

	@Autowired
	MessageRetention retention;

	@Test
	void deletesOutboxRowsPublishedLongAgoAndKeepsRecentAndUnpublishedOnes() throws Exception {
		String key = UUID.randomUUID().toString();
		String old = publish(key, 1, label("published-long-ago"));
		String recent = publish(key, 2, label("published-just-now"));
		awaitApplied(old, 1);
		awaitApplied(recent, 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(old, "published_at is not null") == 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(recent, "published_at is not null") == 1);
		this.jdbc.update(
				"update outbox set created_at = now() - interval '3 hours', published_at = now() - interval '2 hours' where envelope like ?",
				"%" + old + "%");
		try (Connection other = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), ServiceDatabase.ORDERS.role(),
				ServiceDatabase.ORDERS.password()); var st = other.createStatement()) {
			// the relay is locked out, so this row stays unpublished however old it is
			st.execute("select pg_advisory_lock(hashtext('orders.outbox-relay'))");
			String unsent = publish(key, 3, label("never-published"));
			this.jdbc.update("update outbox set created_at = now() - interval '30 days' where envelope like ?",
					"%" + unsent + "%");

			this.retention.purge();

			assertThat(outboxRows(old, "true")).isZero();
			assertThat(outboxRows(recent, "true")).isEqualTo(1);
			assertThat(outboxRows(unsent, "published_at is null")).isEqualTo(1);
			st.execute("select pg_advisory_unlock(hashtext('orders.outbox-relay'))");
			awaitApplied(unsent, 1);
		}
	}

	@Test
	void forgetsAppliedEventsOnlyAfterTheInboxRetention() {
		UUID old = inboxRow("8 days");
		UUID recent = inboxRow("6 days");
		UUID justNow = inboxRow("1 second");

		this.retention.purge();

		assertThat(inboxRows(old)).isZero();
		assertThat(inboxRows(recent)).isEqualTo(1);
		assertThat(inboxRows(justNow)).isEqualTo(1);
	}

	@Test
	void deletesEverythingDueInBoundedBatches() {
		var smallBatches = new MessageRetention(this.jdbc, false, Duration.ofHours(1), Duration.ofDays(7),
				Duration.ofMinutes(1), 10);
		var due = java.util.stream.IntStream.range(0, 25).mapToObj((i) -> inboxRow("10 days")).toList();

		smallBatches.purge();

		assertThat(due).allSatisfy((eventId) -> assertThat(inboxRows(eventId)).isZero());
	}

	private int outboxRows(String label, String condition) {
		Integer count = this.jdbc.queryForObject("select count(*) from outbox where envelope like ? and " + condition,
				Integer.class, "%" + label + "%");
		return (count != null) ? count : 0;
	}

	private UUID inboxRow(String age) {
		UUID eventId = UUID.randomUUID();
		this.jdbc.update(
				"insert into processed_message (event_id, consumer, processed_at) values (?, ?, now() - ?::interval)",
				eventId, "retention-it", age);
		return eventId;
	}

	private int inboxRows(UUID eventId) {
		Integer count = this.jdbc.queryForObject("select count(*) from processed_message where event_id = ?",
				Integer.class, eventId);
		return (count != null) ? count : 0;
	}

}
