package io.sagaref.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * An account's ledger: every event of its stream as an entry, oldest first, with the
 * balance after each and reversals linked both ways. It also explains why an entry cannot
 * be reversed by hand, which the account's state alone cannot (it keeps only what is
 * still reversible).
 */
public final class AccountHistory {

	private final CustomerId customerId;

	private final List<LedgerEntry> entries;

	private AccountHistory(CustomerId customerId, List<LedgerEntry> entries) {
		this.customerId = customerId;
		this.entries = List.copyOf(entries);
	}

	/**
	 * @param customerId the account
	 * @param events its stream, oldest first
	 * @return its ledger (no entries if the stream is empty)
	 */
	public static AccountHistory of(CustomerId customerId, List<RecordedAccountEvent> events) {
		List<LedgerEntry> entries = new ArrayList<>(events.size());
		Map<UUID, Integer> indexById = new HashMap<>();
		Money balance = Money.ZERO;
		for (RecordedAccountEvent recorded : events) {
			LedgerEntry entry = LedgerEntry.following(balance, recorded);
			balance = entry.balanceAfter();
			if (entry.reverses() != null) {
				Integer reversed = indexById.get(entry.reverses());
				if (reversed != null) {
					entries.set(reversed, entries.get(reversed).reversedBy(entry.entryId()));
				}
			}
			indexById.put(entry.entryId(), entries.size());
			entries.add(entry);
		}
		return new AccountHistory(customerId, entries);
	}

	public List<LedgerEntry> entries() {
		return this.entries;
	}

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	public Optional<LedgerEntry> entry(UUID entryId) {
		return this.entries.stream().filter((entry) -> entry.entryId().equals(entryId)).findFirst();
	}

	/**
	 * Explains why an entry the account does not hold as reversible cannot be reversed.
	 * @param entryId the entry asked for
	 * @return a {@link NoSuchElementException} if the account has no such entry, else an
	 * {@link IllegalStateException} saying why it cannot be reversed
	 */
	public RuntimeException refusalToReverse(UUID entryId) {
		LedgerEntry entry = entry(entryId).orElse(null);
		if (entry == null) {
			return new NoSuchElementException("Customer " + this.customerId + " has no ledger entry " + entryId);
		}
		String what = "Entry " + entryId + " is a " + entry.type();
		return switch (entry.type()) {
			case CHARGE, REFUND -> new IllegalStateException(what + " of order " + entry.orderId()
					+ ": a saga's own charge or refund is reversed by the saga, not by hand");
			case REVERSAL -> new IllegalStateException(what + " itself; a reversal is not reversed");
			case OPENED, DEPOSIT -> (entry.reversedBy() != null)
					? new IllegalStateException(what + " already reversed by " + entry.reversedBy())
					: new IllegalStateException(what + " of " + entry.amount() + ": there is no money to reverse");
		};
	}

}
