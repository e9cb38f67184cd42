package io.sagaref.order;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an order, which is also the id of its saga: events of every service about the
 * order are keyed and correlated by it.
 *
 * @param value the UUID
 */
public record OrderId(@JsonValue UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * @param value a UUID in its text form
	 * @return the id
	 * @throws IllegalArgumentException if the text is not a UUID
	 */
	public static OrderId of(String value) {
		return new OrderId(UUID.fromString(value));
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
