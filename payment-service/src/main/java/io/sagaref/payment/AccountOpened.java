package io.sagaref.payment;

/**
 * A customer opened an account (version 2 of the stored event; version 1 called the
 * fields {@code customerName} and {@code initialBalance}).
 *
 * @param name the customer's name
 * @param openingBalance the first deposit, 0 or more
 */
public record AccountOpened(String name, Money openingBalance) implements AccountEvent {

}
