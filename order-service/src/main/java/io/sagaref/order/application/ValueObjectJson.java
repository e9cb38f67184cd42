package io.sagaref.order.application;

import java.util.UUID;
import java.util.function.Function;

import io.sagaref.order.CustomerId;
import io.sagaref.order.Money;
import io.sagaref.order.OrderId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes order-service's value objects as the event contracts spell them: ids as UUID
 * text, money as a JSON number with two decimals ({@code 25.00}). Registered with the
 * application's JSON mapper (which the outbox writes payloads with) by
 * {@link OrderServiceConfiguration}, so domain events stay plain Java and keep their wire
 * shape.
 */
public final class ValueObjectJson extends SimpleModule {

	public ValueObjectJson() {
		super("order-value-objects");
		addSerializer(uuid(OrderId.class, OrderId::value));
		addSerializer(uuid(CustomerId.class, CustomerId::value));
		addSerializer(new StdSerializer<Money>(Money.class) {
			@Override
			public void serialize(Money money, JsonGenerator json, SerializationContext context) {
				json.writeNumber(money.amount());
			}
		});
	}

	private static <T> StdSerializer<T> uuid(Class<T> type, Function<T, UUID> value) {
		return new StdSerializer<T>(type) {
			@Override
			public void serialize(T id, JsonGenerator json, SerializationContext context) {
				json.writeString(value.apply(id).toString());
			}
		};
	}

}
