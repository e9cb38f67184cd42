package io.sagaref.payment.application;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The service's money at one instant. When the system is quiet,
 * {@code deposits == balances + captured}: every cent paid in is either on an account or
 * held by a captured payment.
 *
 * @param deposits all initial balances and deposits ever made
 * @param balances the sum of all account balances
 * @param captured the sum of payments currently captured
 * @param refunded the sum of payments refunded
 * @param payments how many payments exist (captured, refunded or declined)
 */
public record Ledger(BigDecimal deposits, BigDecimal balances, BigDecimal captured, BigDecimal refunded,
		long payments) {

	public Ledger {
		deposits = deposits.setScale(2, RoundingMode.UNNECESSARY);
		balances = balances.setScale(2, RoundingMode.UNNECESSARY);
		captured = captured.setScale(2, RoundingMode.UNNECESSARY);
		refunded = refunded.setScale(2, RoundingMode.UNNECESSARY);
	}

}
