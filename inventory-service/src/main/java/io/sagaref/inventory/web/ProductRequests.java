package io.sagaref.inventory.web;

import java.math.BigDecimal;

import io.sagaref.inventory.Product;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the product API, validated before they reach the domain so a
 * client learns every wrong field at once (400).
 */
final class ProductRequests {

	private ProductRequests() {
	}

	/** Body of {@code POST /api/products}. */
	record RegisterProduct(
			@NotNull @Pattern(regexp = Product.SKU_PATTERN,
					message = "must be 1 to 64 letters, digits, '.', '_' or '-'") @Nullable String sku,
			@NotBlank @Size(max = 200) @Nullable String name,
			@NotNull @Positive @Digits(integer = 17, fraction = 2) @Nullable BigDecimal price,
			@NotNull @PositiveOrZero @Nullable Integer stock) {
	}

	/** Body of {@code POST /api/products/{sku}/stock}. */
	record AddStock(@NotNull @Min(1) @Nullable Integer quantity) {
	}

}
