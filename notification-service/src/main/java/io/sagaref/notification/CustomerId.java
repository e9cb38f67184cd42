package io.sagaref.notification;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The customer who owns webhook endpoints and whose orders they hear of.
 *
 * @param value the id
 */
public record CustomerId(@JsonValue UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
