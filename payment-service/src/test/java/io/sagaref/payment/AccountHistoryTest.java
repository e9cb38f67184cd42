package io.sagaref.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger of an account, read from its events: signed amounts, the balance after each
 * entry, reversals linked both ways, and why an entry cannot be reversed.
 */
class AccountHistoryTest {

	private final CustomerId customerId = CustomerId.random();

	private final OrderId orderId = OrderId.random();

	private final List<RecordedAccountEvent> events = new ArrayList<>();

	private final RecordedAccountEvent opened = recorded(new AccountOpened("Ada", Money.of("30.00")));

	private final RecordedAccountEvent deposited = recorded(new MoneyDeposited(Money.of("10.00")));

	private final RecordedAccountEvent charged = recorded(new AccountCharged(this.orderId, Money.of("25.00")));

	private final RecordedAccountEvent refunded = recorded(new AccountRefunded(this.orderId, Money.of("25.00")));

	private final RecordedAccountEvent reversed = recorded(
			new EntryReversed(this.deposited.eventId(), Money.of("10.00"), "bounced"));

	private final AccountHistory history = AccountHistory.of(this.customerId, this.events);

	@Test
	void listsEveryEventWithSignedAmountsAndTheBalanceAfter() {
		assertThat(this.history.entries()).extracting(LedgerEntry::type)
			.containsExactly(EntryType.OPENED, EntryType.DEPOSIT, EntryType.CHARGE, EntryType.REFUND,
					EntryType.REVERSAL);
		assertThat(this.history.entries()).extracting(LedgerEntry::amount)
			.containsExactly(Money.of("30.00"), Money.of("10.00"), Money.of("-25.00"), Money.of("25.00"),
					Money.of("-10.00"));
		assertThat(this.history.entries()).extracting(LedgerEntry::balanceAfter)
			.containsExactly(Money.of("30.00"), Money.of("40.00"), Money.of("15.00"), Money.of("40.00"),
					Money.of("30.00"));
		assertThat(this.history.entries()).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(this.history.entries()).extracting(LedgerEntry::entryId)
			.containsExactly(this.opened.eventId(), this.deposited.eventId(), this.charged.eventId(),
					this.refunded.eventId(), this.reversed.eventId());
	}

	@Test
	void namesTheOrderOfChargesAndRefundsOnly() {
		assertThat(this.history.entries()).extracting(LedgerEntry::orderId)
			.containsExactly(null, null, this.orderId, this.orderId, null);
	}

	@Test
	void linksAReversalAndTheEntryItReversed() {
		LedgerEntry deposit = this.history.entry(this.deposited.eventId()).orElseThrow();
		LedgerEntry reversal = this.history.entry(this.reversed.eventId()).orElseThrow();

		assertThat(deposit.reversedBy()).isEqualTo(this.reversed.eventId());
		assertThat(reversal.reverses()).isEqualTo(this.deposited.eventId());
		assertThat(this.history.entries()).filteredOn((entry) -> entry.reversedBy() != null).hasSize(1);
	}

	@Test
	void explainsWhyAnEntryCannotBeReversed() {
		assertThat(this.history.refusalToReverse(this.charged.eventId())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("CHARGE")
			.hasMessageContaining("reversed by the saga");
		assertThat(this.history.refusalToReverse(this.refunded.eventId())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("REFUND");
		assertThat(this.history.refusalToReverse(this.reversed.eventId())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("REVERSAL");
		assertThat(this.history.refusalToReverse(this.deposited.eventId())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already reversed by " + this.reversed.eventId());
		UUID unknown = UUID.randomUUID();
		assertThat(this.history.refusalToReverse(unknown)).isInstanceOf(NoSuchElementException.class)
			.hasMessageContaining(unknown.toString());
	}

	@Test
	void isEmptyForAnAccountNeverOpened() {
		assertThat(AccountHistory.of(this.customerId, List.of()).isEmpty()).isTrue();
	}

	private RecordedAccountEvent recorded(AccountEvent event) {
		var recorded = new RecordedAccountEvent(UUID.randomUUID(), this.events.size() + 1L, Instant.now(), event);
		this.events.add(recorded);
		return recorded;
	}

}
