package io.sagaref.payment.application;

import io.sagaref.payment.Money;

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
public record Ledger(Money deposits, Money balances, Money captured, Money refunded, long payments) {

}
