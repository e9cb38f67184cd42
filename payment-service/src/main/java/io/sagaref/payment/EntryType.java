package io.sagaref.payment;

/**
 * What a ledger entry of an account is: the event behind it, as the API names it.
 */
public enum EntryType {

	/** The opening balance ({@link AccountOpened}). */
	OPENED,

	/** Money paid in ({@link MoneyDeposited}). */
	DEPOSIT,

	/** An order's payment taken ({@link AccountCharged}). */
	CHARGE,

	/** An order's payment given back ({@link AccountRefunded}). */
	REFUND,

	/** An opening balance or deposit reversed by hand ({@link EntryReversed}). */
	REVERSAL

}
