package io.sagaref.payment;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A customer, and so an account: the customer's id is the account's.
 *
 * @param value the id
 */
public record CustomerId(UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "customerId");
	}

	/**
	 * @param value a UUID in its text form
	 * @return the id
	 * @throws IllegalArgumentException if it is not a UUID
	 */
	public static CustomerId of(String value) {
		return new CustomerId(UUID.fromString(value));
	}

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
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
	 * @return the UUID as text, as in paths, messages and events
	 */
	@Override
	public String toString() {
		return this.value.toString();
	}

}
