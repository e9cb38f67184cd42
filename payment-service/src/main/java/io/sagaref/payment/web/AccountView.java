package io.sagaref.payment.web;

import java.math.BigDecimal;
import java.util.UUID;

import io.sagaref.payment.Account;

/**
 * An account as clients see it.
 *
 * @param customerId the account's (and customer's) id
 * @param name the customer's name
 * @param balance the money available
 */
public record AccountView(UUID customerId, String name, BigDecimal balance) {

	static AccountView of(Account account) {
		return new AccountView(account.customerId().value(), account.name(), account.balance().amount());
	}

}
