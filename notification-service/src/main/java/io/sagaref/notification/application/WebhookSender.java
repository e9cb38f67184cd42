package io.sagaref.notification.application;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import io.sagaref.notification.ClaimedDelivery;
import io.sagaref.notification.TargetPolicy;
import io.sagaref.notification.WebhookSignature;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs one signed attempt. The HTTP client resolves every host through the target policy
 * and connects only to the addresses it vetted (so a name that changed to a private
 * address after registration is refused, and the check and the connection see the same
 * answer); it follows no redirect (a 3xx is a failed attempt), retries nothing itself,
 * and gives each attempt a connect and a read deadline.
 */
class WebhookSender implements AutoCloseable {

	private final TargetPolicy policy;

	private final CloseableHttpClient client;

	WebhookSender(TargetPolicy policy, NotificationSettings.Delivery settings) {
		this.policy = policy;
		var connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(new VettingResolver(policy))
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(settings.connectTimeout()))
				.setSocketTimeout(Timeout.of(settings.readTimeout()))
				.build())
			.setMaxConnTotal(settings.maxConcurrency())
			.setMaxConnPerRoute(settings.perEndpointConcurrency())
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(settings.readTimeout()))
				.setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
	}

	/**
	 * @param delivery what to send where
	 * @param timestamp the attempt's unix seconds
	 * @return the endpoint's HTTP status
	 * @throws io.sagaref.notification.RefusedTargetException if the target is refused now
	 * @throws IOException if there was no answer in time
	 */
	int send(ClaimedDelivery delivery, long timestamp) throws IOException {
		URI url = delivery.url();
		this.policy.vet(url);
		var request = ClassicRequestBuilder.post(url)
			.setEntity(new StringEntity(delivery.body(), ContentType.APPLICATION_JSON))
			.addHeader("webhook-id", delivery.id().toString())
			.addHeader("webhook-timestamp", String.valueOf(timestamp))
			.addHeader("webhook-signature",
					WebhookSignature.sign(delivery.secret(), delivery.id(), timestamp, delivery.body()))
			.addHeader("User-Agent", "saga-reference-webhooks/1")
			.build();
		return this.client.execute(request, (response) -> {
			EntityUtils.consume(response.getEntity());
			return response.getCode();
		});
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}

	/** Resolves through the target policy: any disallowed address fails the lookup. */
	private record VettingResolver(TargetPolicy policy) implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			try {
				return this.policy.vetHost(host).toArray(InetAddress[]::new);
			}
			catch (IllegalArgumentException ex) {
				throw new UnknownHostException(ex.getMessage());
			}
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return resolve(host)[0].getCanonicalHostName();
		}

	}

}
