package io.sagaref.orderquery;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which order (and saga) a view or an event is about; a type of its own so an order id
 * cannot be passed where a customer id is meant.
 *
 * @param value the id as the other services write it
 */
public record OrderId(@JsonValue UUID value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public OrderId {
		Require.present(value, "orderId");
	}

	/**
	 * @param value a UUID as text
	 * @return the order id
	 * @throws IllegalArgumentException if the text is not a UUID
	 */
	public static OrderId of(String value) {
		return new OrderId(UUID.fromString(value));
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	/**
	 * @return the UUID as text, as it appears on the wire and in messages
	 */
	@Override
	public String toString() {
		return this.value.toString();
	}

}
