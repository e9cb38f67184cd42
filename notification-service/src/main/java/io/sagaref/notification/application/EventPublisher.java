package io.sagaref.notification.application;

import io.sagaref.messaging.OutgoingEvent;
import io.sagaref.messaging.outbox.Outbox;
import io.sagaref.notification.Webhook;
import io.sagaref.notification.WebhookEvent;

import org.springframework.stereotype.Component;

/**
 * Moves the endpoints' events into the outbox, on {@value #TOPIC}, keyed by the endpoint
 * and numbered by its event sequence. The only user of the outbox in this service.
 */
@Component
public class EventPublisher {

	/** The topic of every event notification-service emits. */
	public static final String TOPIC = "notifications.events";

	private final Outbox outbox;

	EventPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Must run in the transaction that changed the endpoint.
	 * @param event what happened to it
	 * @param sequence the endpoint's event count including this one
	 */
	void publish(WebhookEvent event, long sequence) {
		this.outbox.append(OutgoingEvent.of(TOPIC, event.webhookId().toString(), sequence, event));
	}

	void registered(Webhook webhook) {
		publish(new WebhookEvent.WebhookRegistered(webhook.id(), webhook.customerId(), webhook.url()),
				webhook.eventSequence());
	}

	void removed(Webhook webhook, long sequence) {
		publish(new WebhookEvent.WebhookRemoved(webhook.id(), webhook.customerId(), webhook.url()), sequence);
	}

}
