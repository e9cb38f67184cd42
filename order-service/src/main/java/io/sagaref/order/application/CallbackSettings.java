package io.sagaref.order.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the check of an order's callback URL waits for the webhook replica, under
 * {@code saga.order.callback}.
 *
 * @param replicaWait how long a URL not (yet) in the replica is waited for before the
 * order is refused: a client may register a webhook and place an order at once, and the
 * registration reaches the replica through Kafka, usually well within a second
 * @param recheckInterval how often the replica is read again while waiting
 */
@ConfigurationProperties("saga.order.callback")
public record CallbackSettings(@DefaultValue("2s") Duration replicaWait,
		@DefaultValue("50ms") Duration recheckInterval) {
}
