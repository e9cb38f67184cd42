package io.sagaref.orderquery;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The customer an order belongs to, as payment-service knows them.
 *
 * @param value the id as the other services write it
 */
public record CustomerId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public CustomerId {
		Require.present(value, "customerId");
	}

	/**
	 * @param value a UUID as text
	 * @return the customer id
	 * @throws IllegalArgumentException if the text is not a UUID
	 */
	public static CustomerId of(String value) {
		return new CustomerId(UUID.fromString(value));
	}

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	/**
	 * @return the UUID as text, as it appears on the wire and in messages
	 */
	@Override
	public String toString() {
		return this.value.toString();
	}

}
