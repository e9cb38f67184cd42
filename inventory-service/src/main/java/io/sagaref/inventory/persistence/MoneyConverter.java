package io.sagaref.inventory.persistence;

import java.math.BigDecimal;

import io.sagaref.inventory.Money;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores every {@link Money} attribute (a product's price) as its {@code numeric(19,2)}
 * amount, without the entities naming this class.
 */
@Converter(autoApply = true)
class MoneyConverter implements AttributeConverter<Money, BigDecimal> {

	@Override
	public @Nullable BigDecimal convertToDatabaseColumn(@Nullable Money money) {
		return (money != null) ? money.amount() : null;
	}

	@Override
	public @Nullable Money convertToEntityAttribute(@Nullable BigDecimal amount) {
		return (amount != null) ? Money.of(amount) : null;
	}

}
