package io.sagaref.notification;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A registered webhook endpoint.
 *
 * @param value the id
 */
public record WebhookId(@JsonValue UUID value) {

	public WebhookId {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * @return a new random id
	 */
	public static WebhookId random() {
		return new WebhookId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
