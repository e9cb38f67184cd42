package io.sagaref.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An account decides facts and is folded from them, without Spring or a store.
 */
class AccountTest {

	private final CustomerId customerId = CustomerId.random();

	private final List<RecordedAccountEvent> stream = new ArrayList<>();

	@Test
	void opensWithTheInitialBalanceCountedAsDeposited() {
		Account account = open(" Ada ", "10.5");

		assertThat(account.customerId()).isEqualTo(this.customerId);
		assertThat(account.name()).isEqualTo("Ada");
		assertThat(account.balance()).isEqualTo(Money.of("10.50"));
		assertThat(account.totalDeposited()).isEqualTo(Money.of("10.50"));
		assertThat(account.version()).isEqualTo(1);
		assertThat(account.isReversible(this.stream.getFirst().eventId())).isTrue();
	}

	@Test
	void refusesABlankOrOverlongName() {
		assertThatIllegalArgumentException().isThrownBy(() -> Account.open(" ", Money.of("1")))
			.withMessageContaining("name");
		assertThatIllegalArgumentException().isThrownBy(() -> Account.open("x".repeat(201), Money.of("1")))
			.withMessageContaining("200");
	}

	@Test
	void refusesANegativeOrOversizedInitialBalance() {
		assertThatIllegalArgumentException().isThrownBy(() -> Account.open("Ada", Money.of("-0.01")))
			.withMessageContaining("initialBalance must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> Account.open("Ada", Money.of("100000000000000000")))
			.withMessageContaining("initialBalance is too large");
	}

	@Test
	void opensWithNothingAndNothingToReverse() {
		Account account = open("Ada", "0");

		assertThat(account.balance()).isEqualTo(Money.of("0.00"));
		assertThat(account.reversible()).isEmpty();
	}

	@Test
	void depositAddsToBalanceAndToWhatWasDeposited() {
		Account account = open("Ada", "10.00");

		account = record(account, account.deposit(Money.of("2.50")));

		assertThat(account.balance()).isEqualTo(Money.of("12.50"));
		assertThat(account.totalDeposited()).isEqualTo(Money.of("12.50"));
		assertThat(account.version()).isEqualTo(2);
	}

	@Test
	void decidingChangesNothingUntilTheFactIsApplied() {
		Account account = open("Ada", "10.00");

		assertThat(account.deposit(Money.of("2.50"))).isEqualTo(new MoneyDeposited(Money.of("2.50")));
		assertThat(account.charge(OrderId.random(), Money.of("4.00")).amount()).isEqualTo(Money.of("4.00"));

		assertThat(account.balance()).isEqualTo(Money.of("10.00"));
		assertThat(account.version()).isEqualTo(1);
	}

	@Test
	void refusesDepositsOfNothingOrLess() {
		Account account = open("Ada", "10");

		assertThatIllegalArgumentException().isThrownBy(() -> account.deposit(Money.ZERO))
			.withMessageContaining("amount must be greater than 0");
		assertThatIllegalArgumentException().isThrownBy(() -> account.deposit(Money.of("-5")));
	}

	@Test
	void neverChargesMoreThanTheBalance() {
		Account account = open("Ada", "5.00");
		OrderId orderId = OrderId.random();

		assertThatIllegalStateException().isThrownBy(() -> account.charge(orderId, Money.of("5.01")));
		Account charged = record(account, account.charge(orderId, Money.of("5.00")));

		assertThat(charged.balance()).isEqualTo(Money.ZERO);
		assertThat(charged.totalDeposited()).isEqualTo(Money.of("5.00"));
	}

	@Test
	void refundPutsAChargeBack() {
		Account account = open("Ada", "30.00");
		OrderId orderId = OrderId.random();
		account = record(account, account.charge(orderId, Money.of("25.00")));

		account = record(account, account.refund(orderId, Money.of("25.00")));

		assertThat(account.balance()).isEqualTo(Money.of("30.00"));
		assertThat(account.totalDeposited()).isEqualTo(Money.of("30.00"));
	}

	@Test
	void reversingADepositTakesItFromBalanceAndDepositsOnce() {
		Account account = open("Ada", "10.00");
		account = record(account, account.deposit(Money.of("4.00")));
		UUID deposit = this.stream.getLast().eventId();

		EntryReversed reversed = account.reverse(deposit, " typo ");
		account = record(account, reversed);

		assertThat(reversed).isEqualTo(new EntryReversed(deposit, Money.of("4.00"), "typo"));
		assertThat(account.balance()).isEqualTo(Money.of("10.00"));
		assertThat(account.totalDeposited()).isEqualTo(Money.of("10.00"));
		assertThat(account.isReversible(deposit)).isFalse();
		Account after = account;
		assertThatIllegalArgumentException().isThrownBy(() -> after.reverse(deposit, "again"));
	}

	@Test
	void refusesAReversalTheBalanceCannotCover() {
		Account account = open("Ada", "10.00");
		UUID opening = this.stream.getFirst().eventId();
		account = record(account, account.charge(OrderId.random(), Money.of("6.00")));

		Account charged = account;
		assertThatIllegalStateException().isThrownBy(() -> charged.reverse(opening, "fraud"))
			.withMessageContaining("4.00");
		assertThatIllegalArgumentException().isThrownBy(() -> charged.reverse(opening, " "))
			.withMessageContaining("reason");
	}

	@Test
	void foldsOnlyTheNextEventOfItsStream() {
		Account account = open("Ada", "10.00");
		var skipped = new RecordedAccountEvent(UUID.randomUUID(), 3, Instant.now(), new MoneyDeposited(Money.of("1")));
		var reopened = new RecordedAccountEvent(UUID.randomUUID(), 2, Instant.now(),
				new AccountOpened("Ada", Money.ZERO));

		assertThatIllegalStateException().isThrownBy(() -> account.apply(skipped)).withMessageContaining("version 1");
		assertThatIllegalStateException().isThrownBy(() -> account.apply(reopened))
			.withMessageContaining("already open");
		assertThatIllegalStateException()
			.isThrownBy(() -> Account.opened(this.customerId,
					new RecordedAccountEvent(UUID.randomUUID(), 1, Instant.now(), new MoneyDeposited(Money.of("1")))))
			.withMessageContaining("not AccountOpened");
	}

	@Test
	void restoresWhatASnapshotHeld() {
		Account account = open("Ada", "10.00");
		account = record(account, account.deposit(Money.of("4.00")));

		Account restored = Account.restore(account.customerId(), account.name(), account.balance(),
				account.totalDeposited(), account.version(), account.reversible());

		assertThat(restored).isEqualTo(account);
	}

	private Account open(String name, String balance) {
		var opened = recorded(Account.open(name, Money.of(balance)));
		return Account.opened(this.customerId, opened);
	}

	private Account record(Account account, AccountEvent event) {
		return account.apply(recorded(event));
	}

	private RecordedAccountEvent recorded(AccountEvent event) {
		var recorded = new RecordedAccountEvent(UUID.randomUUID(), this.stream.size() + 1L, Instant.now(), event);
		this.stream.add(recorded);
		return recorded;
	}

}
