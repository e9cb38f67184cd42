package io.sagaref.notification.persistence;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sagaref.notification.CustomerId;
import io.sagaref.notification.Webhook;
import io.sagaref.notification.WebhookId;
import io.sagaref.notification.WebhookSecret;
import io.sagaref.notification.WebhookStatus;
import io.sagaref.notification.Webhooks;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The endpoints in table {@code webhooks}; one active URL per customer is the unique
 * index's job.
 */
@Repository
class JdbcWebhooks implements Webhooks {

	private static final String COLUMNS = "id, customer_id, url, secret, status, event_sequence, created_at";

	private final JdbcClient jdbc;

	JdbcWebhooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(Webhook webhook) {
		try {
			this.jdbc.sql("insert into webhooks (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
				.params(webhook.id().value(), webhook.customerId().value(), webhook.url().toString(),
						webhook.secret().value(), webhook.status().name(), webhook.eventSequence(),
						Timestamp.from(webhook.createdAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalStateException(
					"Customer " + webhook.customerId() + " has already registered a webhook for " + webhook.url());
		}
	}

	@Override
	public Optional<Webhook> find(CustomerId customerId, WebhookId id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where id = ? and customer_id = ?")
			.params(id.value(), customerId.value())
			.query(JdbcWebhooks::webhook)
			.optional();
	}

	@Override
	public Optional<Webhook> lock(WebhookId id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where id = ? for update")
			.params(id.value())
			.query(JdbcWebhooks::webhook)
			.optional();
	}

	@Override
	public List<Webhook> of(CustomerId customerId) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where customer_id = ? order by created_at, id")
			.params(customerId.value())
			.query(JdbcWebhooks::webhook)
			.list();
	}

	@Override
	public List<Webhook> activeOf(CustomerId customerId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from webhooks where customer_id = ? and status = 'ACTIVE' order by created_at, id")
			.params(customerId.value())
			.query(JdbcWebhooks::webhook)
			.list();
	}

	@Override
	public void disable(WebhookId id) {
		this.jdbc
			.sql("update webhooks set status = 'DISABLED', event_sequence = event_sequence + 1 where id = ?"
					+ " and status = 'ACTIVE'")
			.params(id.value())
			.update();
	}

	@Override
	public void delete(WebhookId id) {
		this.jdbc.sql("delete from webhooks where id = ?").params(id.value()).update();
	}

	private static Webhook webhook(ResultSet row, int rowNum) throws SQLException {
		return new Webhook(new WebhookId(row.getObject("id", UUID.class)),
				new CustomerId(row.getObject("customer_id", UUID.class)), URI.create(row.getString("url")),
				new WebhookSecret(row.getString("secret")), WebhookStatus.valueOf(row.getString("status")),
				row.getLong("event_sequence"), row.getTimestamp("created_at").toInstant());
	}

}
