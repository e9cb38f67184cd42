package io.sagaref.notification.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.sagaref.notification.ClaimedDelivery;
import io.sagaref.notification.Deliveries;
import io.sagaref.notification.Delivery;
import io.sagaref.notification.DeliveryId;
import io.sagaref.notification.DeliveryStatus;
import io.sagaref.notification.NewDelivery;
import io.sagaref.notification.WebhookId;
import io.sagaref.notification.WebhookSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery queue in table {@code deliveries}. A claim is one statement: it picks due
 * rows {@code FOR UPDATE SKIP LOCKED} (a concurrent claim skips them instead of waiting)
 * and moves their {@code next_attempt_at} to the lease's end, so the claim holds after
 * its transaction commits and no connection is held while the endpoint answers.
 */
@Repository
class JdbcDeliveries implements Deliveries {

	private static final String COLUMNS = "id, webhook_id, type, order_id, status, attempts, last_status_code,"
			+ " last_error, last_attempt_at, next_attempt_at";

	private final JdbcClient jdbc;

	JdbcDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int enqueue(List<NewDelivery> deliveries, Instant now) {
		int added = 0;
		for (NewDelivery delivery : deliveries) {
			added += this.jdbc.sql("""
					insert into deliveries (id, webhook_id, event_id, type, order_id, body, status, attempts,
					    next_attempt_at, created_at)
					values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
					on conflict (event_id, webhook_id) do nothing""")
				.params(delivery.id().value(), delivery.webhookId().value(), delivery.eventId(), delivery.type(),
						delivery.orderId(), delivery.body(), Timestamp.from(now), Timestamp.from(now))
				.update();
		}
		return added;
	}

	@Override
	public List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit, int perEndpoint,
			Collection<WebhookId> busy) {
		// typed UUIDs, so safe to write into the statement
		String excluded = busy.isEmpty() ? ""
				: busy.stream()
					.map((id) -> "'" + id.value() + "'")
					.collect(Collectors.joining(", ", " and webhook_id not in (", ")"));
		return this.jdbc.sql("""
				with due as (
				    select id from deliveries
				    where id in (
				        select id from (
				            select id, row_number() over (partition by webhook_id order by next_attempt_at, id) as rank
				            from deliveries
				            where status = 'PENDING' and next_attempt_at <= :now%s
				        ) ranked
				        where rank <= :perEndpoint)
				    order by next_attempt_at, id
				    limit :limit
				    for update skip locked
				)
				update deliveries d set next_attempt_at = :leaseUntil
				from due, webhooks w
				where d.id = due.id and w.id = d.webhook_id
				returning d.id, d.webhook_id, w.url, w.secret, d.body, d.attempts""".formatted(excluded))
			.param("now", Timestamp.from(now))
			.param("perEndpoint", perEndpoint)
			.param("limit", limit)
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.query((row, n) -> new ClaimedDelivery(new DeliveryId(row.getObject("id", UUID.class)),
					new WebhookId(row.getObject("webhook_id", UUID.class)), URI.create(row.getString("url")),
					new WebhookSecret(row.getString("secret")), row.getString("body"), row.getInt("attempts")))
			.list();
	}

	@Override
	public void recordAttempt(DeliveryId id, DeliveryStatus status, @Nullable Integer statusCode,
			@Nullable String error, Instant attemptedAt, @Nullable Instant nextAttemptAt) {
		this.jdbc.sql("""
				update deliveries set status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?,
				    last_attempt_at = ?, next_attempt_at = ?
				where id = ? and status = 'PENDING'""")
			.params(status.name(), statusCode, truncated(error), Timestamp.from(attemptedAt),
					(nextAttemptAt != null) ? Timestamp.from(nextAttemptAt) : null, id.value())
			.update();
	}

	@Override
	public void failPendingOf(WebhookId webhookId) {
		this.jdbc
			.sql("update deliveries set status = 'FAILED', next_attempt_at = null where webhook_id = ?"
					+ " and status = 'PENDING'")
			.params(webhookId.value())
			.update();
	}

	@Override
	public List<Delivery> of(WebhookId webhookId) {
		return this.jdbc.sql("select " + COLUMNS + " from deliveries where webhook_id = ? order by created_at, id")
			.params(webhookId.value())
			.query(JdbcDeliveries::delivery)
			.list();
	}

	@Override
	public Optional<Delivery> find(WebhookId webhookId, DeliveryId id) {
		return this.jdbc.sql("select " + COLUMNS + " from deliveries where id = ? and webhook_id = ?")
			.params(id.value(), webhookId.value())
			.query(JdbcDeliveries::delivery)
			.optional();
	}

	@Override
	public void requeue(DeliveryId id, Instant now) {
		this.jdbc.sql("update deliveries set status = 'PENDING', next_attempt_at = ? where id = ?")
			.params(Timestamp.from(now), id.value())
			.update();
	}

	private static @Nullable String truncated(@Nullable String error) {
		return (error == null || error.length() <= 500) ? error : error.substring(0, 500);
	}

	private static Delivery delivery(ResultSet row, int rowNum) throws SQLException {
		return new Delivery(new DeliveryId(row.getObject("id", UUID.class)),
				new WebhookId(row.getObject("webhook_id", UUID.class)), row.getString("type"),
				row.getObject("order_id", UUID.class), DeliveryStatus.valueOf(row.getString("status")),
				row.getInt("attempts"), (Integer) row.getObject("last_status_code"), row.getString("last_error"),
				instant(row.getTimestamp("last_attempt_at")), instant(row.getTimestamp("next_attempt_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
