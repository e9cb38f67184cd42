package io.sagaref.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of an account's ledger: one of its events, with the money it moved (signed:
 * what leaves the account is negative) and the balance right after it.
 *
 * @param entryId the event's id
 * @param sequence its number in the account's stream
 * @param type what it is
 * @param amount the money it moved, negative for charges and reversals
 * @param balanceAfter the balance right after it
 * @param occurredAt when it was recorded
 * @param orderId the order of a charge or refund, else null
 * @param reverses the entry a reversal reversed, else null
 * @param reversedBy the reversal that reversed this entry, if any
 */
public record LedgerEntry(UUID entryId, long sequence, EntryType type, Money amount, Money balanceAfter,
		Instant occurredAt, @Nullable OrderId orderId, @Nullable UUID reverses, @Nullable UUID reversedBy) {

	public LedgerEntry {
		Objects.requireNonNull(entryId, "entryId");
		Objects.requireNonNull(type, "type");
	}

	/**
	 * @param balanceBefore the account's balance before the event
	 * @param recorded an event of the account
	 * @return its entry, not reversed (yet)
	 */
	public static LedgerEntry following(Money balanceBefore, RecordedAccountEvent recorded) {
		UUID id = recorded.eventId();
		long sequence = recorded.sequence();
		Instant at = recorded.recordedAt();
		return switch (recorded.event()) {
			case AccountOpened opened -> new LedgerEntry(id, sequence, EntryType.OPENED, opened.openingBalance(),
					balanceBefore.plus(opened.openingBalance()), at, null, null, null);
			case MoneyDeposited deposited -> new LedgerEntry(id, sequence, EntryType.DEPOSIT, deposited.amount(),
					balanceBefore.plus(deposited.amount()), at, null, null, null);
			case AccountCharged charged ->
				new LedgerEntry(id, sequence, EntryType.CHARGE, Money.ZERO.minus(charged.amount()),
						balanceBefore.minus(charged.amount()), at, charged.orderId(), null, null);
			case AccountRefunded refunded -> new LedgerEntry(id, sequence, EntryType.REFUND, refunded.amount(),
					balanceBefore.plus(refunded.amount()), at, refunded.orderId(), null, null);
			case EntryReversed reversed ->
				new LedgerEntry(id, sequence, EntryType.REVERSAL, Money.ZERO.minus(reversed.amount()),
						balanceBefore.minus(reversed.amount()), at, null, reversed.entryId(), null);
		};
	}

	LedgerEntry reversedBy(UUID reversal) {
		return new LedgerEntry(this.entryId, this.sequence, this.type, this.amount, this.balanceAfter, this.occurredAt,
				this.orderId, this.reverses, reversal);
	}

}
