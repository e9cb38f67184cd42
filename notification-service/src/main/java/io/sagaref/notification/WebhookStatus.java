package io.sagaref.notification;

/**
 * Whether an endpoint still receives deliveries. An endpoint that answered 410 Gone is
 * DISABLED: its pending deliveries fail and it gets no new ones.
 */
public enum WebhookStatus {

	ACTIVE, DISABLED

}
