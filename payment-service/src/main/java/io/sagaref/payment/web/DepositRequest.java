package io.sagaref.payment.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/customers/{id}/deposits}.
 *
 * @param amount more than 0, in whole cents
 */
public record DepositRequest(
		@NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 17, fraction = 2) BigDecimal amount) {

}
