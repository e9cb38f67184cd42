package io.sagaref.notification;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One delivery of one order outcome to one endpoint; its id is the {@code webhook-id}
 * header, the same on every attempt, so receivers deduplicate by it.
 *
 * @param value the id
 */
public record DeliveryId(@JsonValue UUID value) {

	public DeliveryId {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * @return a new random id
	 */
	public static DeliveryId random() {
		return new DeliveryId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
