package io.sagaref.orderquery.messaging;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.Money;
import io.sagaref.orderquery.OrderId;

import org.springframework.boot.jackson.JacksonMixin;

/**
 * How the domain's value types look on the wire, so that payloads are read straight into
 * the domain's event records while the domain stays free of Jackson: an id is its UUID as
 * text, an amount a JSON number. The mix-ins are registered with the application's JSON
 * mapper by Spring Boot ({@link JacksonMixin}); each value is read exactly as the plain
 * {@code UUID} or {@code BigDecimal} it replaced.
 */
final class WireValues {

	private WireValues() {
	}

	@JacksonMixin(OrderId.class)
	abstract static class OrderIdOnTheWire {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		OrderIdOnTheWire(UUID value) {
		}

		@JsonValue
		abstract UUID value();

	}

	@JacksonMixin(CustomerId.class)
	abstract static class CustomerIdOnTheWire {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		CustomerIdOnTheWire(UUID value) {
		}

		@JsonValue
		abstract UUID value();

	}

	@JacksonMixin(Money.class)
	abstract static class MoneyOnTheWire {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		MoneyOnTheWire(BigDecimal amount) {
		}

		@JsonValue
		abstract BigDecimal amount();

	}

}
