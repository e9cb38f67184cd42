package io.sagaref.payment;

/**
 * The facts an account records; its state is folded from them. They stay in the service's
 * event store (the saga learns about money through the payment's events), stored under
 * their simple class names with the record components as fields, so the components are
 * the stored contract ({@code contracts/store/account/<Type>.v<n>.json}).
 */
public sealed interface AccountEvent
		permits AccountOpened, MoneyDeposited, AccountCharged, AccountRefunded, EntryReversed {

}
