package io.sagaref.payment;

/**
 * Money was paid into the account.
 *
 * @param amount more than 0
 */
public record MoneyDeposited(Money amount) implements AccountEvent {

}
