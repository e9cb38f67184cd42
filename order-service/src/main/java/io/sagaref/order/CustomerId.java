package io.sagaref.order;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a customer, as payment-service knows them; order-service only carries it on
 * the order and its events.
 *
 * @param value the UUID
 */
public record CustomerId(@JsonValue UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * @param value a UUID in its text form
	 * @return the id
	 * @throws IllegalArgumentException if the text is not a UUID
	 */
	public static CustomerId of(String value) {
		return new CustomerId(UUID.fromString(value));
	}

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
