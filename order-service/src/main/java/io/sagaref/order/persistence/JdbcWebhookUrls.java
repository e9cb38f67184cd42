package io.sagaref.order.persistence;

import java.util.UUID;

import io.sagaref.order.CustomerId;
import io.sagaref.order.WebhookUrls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The replica in table {@code webhook_urls}: one row per endpoint, replaced only by a
 * later event of it.
 */
@Repository
class JdbcWebhookUrls implements WebhookUrls {

	private final JdbcClient jdbc;

	JdbcWebhookUrls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isRegistered(CustomerId customerId, String url) {
		return this.jdbc
			.sql("select exists (select 1 from webhook_urls where customer_id = ? and url = ? and not removed)")
			.params(customerId.value(), url)
			.query(Boolean.class)
			.single();
	}

	@Override
	public void apply(UUID webhookId, CustomerId customerId, String url, long sequence, boolean removed) {
		this.jdbc.sql("""
				insert into webhook_urls (webhook_id, customer_id, url, sequence, removed) values (?, ?, ?, ?, ?)
				on conflict (webhook_id) do update
				set customer_id = excluded.customer_id, url = excluded.url, sequence = excluded.sequence,
				    removed = excluded.removed
				where webhook_urls.sequence < excluded.sequence""")
			.params(webhookId, customerId.value(), url, sequence, removed)
			.update();
	}

}
