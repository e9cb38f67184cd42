package io.sagaref.order.persistence;

import java.util.UUID;

import io.sagaref.order.CustomerId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores every {@link CustomerId} attribute as its UUID.
 */
@Converter(autoApply = true)
class CustomerIdConverter implements AttributeConverter<CustomerId, UUID> {

	@Override
	public @Nullable UUID convertToDatabaseColumn(@Nullable CustomerId id) {
		return (id != null) ? id.value() : null;
	}

	@Override
	public @Nullable CustomerId convertToEntityAttribute(@Nullable UUID value) {
		return (value != null) ? new CustomerId(value) : null;
	}

}
