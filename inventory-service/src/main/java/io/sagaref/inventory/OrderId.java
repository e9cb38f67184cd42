package io.sagaref.inventory;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An order of order-service; a reservation is identified by the id of the order it
 * serves.
 *
 * @param value the id
 */
public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "orderId");
	}

	/**
	 * @param value a UUID in its text form
	 * @return the id
	 * @throws IllegalArgumentException if it is not a UUID
	 */
	public static OrderId of(String value) {
		return new OrderId(UUID.fromString(value));
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	/**
	 * @return the id, also its JSON form
	 */
	@Override
	@JsonValue
	public UUID value() {
		return this.value;
	}

	/**
	 * @return the UUID as text, as in messages and events
	 */
	@Override
	public String toString() {
		return this.value.toString();
	}

}
