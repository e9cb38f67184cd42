package io.sagaref.payment.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/customers}.
 *
 * @param name the customer's name
 * @param initialBalance the first deposit, 0 or more, in whole cents
 */
public record OpenAccountRequest(@NotBlank @Size(max = 200) String name,
		@NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal initialBalance) {

}
