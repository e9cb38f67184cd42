package io.sagaref.payment.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.EntryType;
import io.sagaref.payment.LedgerEntry;
import io.sagaref.payment.Money;
import io.sagaref.payment.OrderId;
import io.sagaref.payment.RecordedAccountEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The account use cases over in-memory event streams: opening, deposits, the state at an
 * instant, the ledger, reversals and the rebuild of the current state.
 */
class AccountServiceTest {

	private final InMemoryAccounts accounts = new InMemoryAccounts();

	private final AccountService service = new AccountService(this.accounts);

	@Test
	void opensAnAccountUnderANewCustomerId() {
		Account ada = this.service.open("Ada", Money.of("100.5"));
		Account bob = this.service.open("Bob", Money.ZERO);

		assertThat(ada.customerId()).isNotEqualTo(bob.customerId());
		assertThat(ada.version()).isEqualTo(1);
		assertThat(this.service.account(ada.customerId()).name()).isEqualTo("Ada");
		assertThat(this.service.account(ada.customerId()).balance()).isEqualTo(Money.of("100.50"));
		assertThat(this.service.account(ada.customerId()).totalDeposited()).isEqualTo(Money.of("100.50"));
		assertThat(this.service.account(bob.customerId()).balance()).isEqualTo(Money.ZERO);
		assertThat(this.accounts.row(ada.customerId())).isEqualTo(ada);
	}

	@Test
	void opensNothingWhenTheAccountBreaksARule() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.open("Ada", Money.of("-1")))
			.withMessageContaining("initialBalance");
		assertThatIllegalArgumentException().isThrownBy(() -> this.service.open(" ", Money.of("1")))
			.withMessageContaining("name");

		assertThat(this.accounts.count()).isZero();
	}

	@Test
	void depositsAddToTheBalanceAndToWhatWasDeposited() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();

		Account deposited = this.service.deposit(ada, Money.of("2.25"));

		assertThat(deposited.balance()).isEqualTo(Money.of("12.25"));
		assertThat(deposited.version()).isEqualTo(2);
		assertThat(this.service.account(ada).balance()).isEqualTo(Money.of("12.25"));
		assertThat(this.service.account(ada).totalDeposited()).isEqualTo(Money.of("12.25"));
		assertThat(this.accounts.row(ada)).isEqualTo(deposited);
	}

	@Test
	void refusesADepositOfNothingAndKeepsTheBalance() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();

		assertThatIllegalArgumentException().isThrownBy(() -> this.service.deposit(ada, Money.ZERO))
			.withMessageContaining("amount must be greater than 0");

		assertThat(this.service.account(ada).balance()).isEqualTo(Money.of("10.00"));
		assertThat(this.accounts.history(ada)).hasSize(1);
	}

	@Test
	void knowsNoCustomerItNeverOpened() {
		CustomerId stranger = CustomerId.random();

		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.service.account(stranger))
			.withMessage("No customer " + stranger);
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.service.deposit(stranger, Money.of("1")))
			.withMessage("No customer " + stranger);
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.service.ledger(stranger))
			.withMessage("No customer " + stranger);
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.service.reverse(stranger, UUID.randomUUID(), "why"))
			.withMessage("No customer " + stranger);
	}

	@Test
	void answersTheAccountAsItStoodAtAnInstant() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();
		this.service.deposit(ada, Money.of("5.00"));
		this.service.deposit(ada, Money.of("2.00"));
		List<Instant> at = this.accounts.history(ada).stream().map(RecordedAccountEvent::recordedAt).toList();

		assertThat(this.service.account(ada, at.get(0)).balance()).isEqualTo(Money.of("10.00"));
		assertThat(this.service.account(ada, at.get(1).plusSeconds(1)).balance()).isEqualTo(Money.of("15.00"));
		assertThat(this.service.account(ada, at.get(2)).balance()).isEqualTo(Money.of("17.00"));
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.service.account(ada, at.get(0).minus(Duration.ofMillis(1))))
			.withMessageContaining("had no account");
	}

	@Test
	void listsTheLedgerWithTheBalanceAfterEachEntry() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();
		this.service.deposit(ada, Money.of("5.00"));

		List<LedgerEntry> ledger = this.service.ledger(ada).entries();

		assertThat(ledger).extracting(LedgerEntry::type).containsExactly(EntryType.OPENED, EntryType.DEPOSIT);
		assertThat(ledger).extracting(LedgerEntry::balanceAfter).containsExactly(Money.of("10.00"), Money.of("15.00"));
		assertThat(this.service.entry(ada, ledger.get(1).entryId())).isEqualTo(ledger.get(1));
		UUID unknown = UUID.randomUUID();
		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.service.entry(ada, unknown))
			.withMessageContaining(unknown.toString());
	}

	@Test
	void reversesADepositWithACompensatingEntry() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();
		this.service.deposit(ada, Money.of("5.00"));
		UUID deposit = this.service.ledger(ada).entries().get(1).entryId();

		LedgerEntry reversal = this.service.reverse(ada, deposit, "bounced");

		assertThat(reversal.type()).isEqualTo(EntryType.REVERSAL);
		assertThat(reversal.amount()).isEqualTo(Money.of("-5.00"));
		assertThat(reversal.balanceAfter()).isEqualTo(Money.of("10.00"));
		assertThat(reversal.reverses()).isEqualTo(deposit);
		assertThat(reversal.sequence()).isEqualTo(3);
		assertThat(this.service.entry(ada, deposit).reversedBy()).isEqualTo(reversal.entryId());
		assertThat(this.service.entry(ada, reversal.entryId())).isEqualTo(reversal);
		assertThat(this.accounts.row(ada).balance()).isEqualTo(Money.of("10.00"));
		assertThat(this.accounts.row(ada).totalDeposited()).isEqualTo(Money.of("10.00"));
	}

	@Test
	void refusesToReverseTwiceOrAnythingButAnOpeningOrDeposit() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();
		UUID opening = this.service.ledger(ada).entries().getFirst().entryId();
		LedgerEntry reversal = this.service.reverse(ada, opening, "test account");

		assertThatIllegalStateException().isThrownBy(() -> this.service.reverse(ada, opening, "again"))
			.withMessageContaining("already reversed");
		assertThatIllegalStateException().isThrownBy(() -> this.service.reverse(ada, reversal.entryId(), "undo"))
			.withMessageContaining("REVERSAL");
		UUID unknown = UUID.randomUUID();
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.service.reverse(ada, unknown, "why"))
			.withMessageContaining(unknown.toString());
		assertThat(this.service.ledger(ada).entries()).hasSize(2);
	}

	@Test
	void refusesToReverseAChargeOrMoneyThatIsSpent() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();
		Account account = this.accounts.findForUpdate(ada).orElseThrow();
		this.accounts.append(account, account.charge(OrderId.random(), Money.of("6.00")));
		List<LedgerEntry> ledger = this.service.ledger(ada).entries();

		assertThatIllegalStateException()
			.isThrownBy(() -> this.service.reverse(ada, ledger.get(1).entryId(), "refund me"))
			.withMessageContaining("CHARGE");
		assertThatIllegalStateException().isThrownBy(() -> this.service.reverse(ada, ledger.get(0).entryId(), "fraud"))
			.withMessageContaining("holds 4.00");
		assertThat(this.service.account(ada).balance()).isEqualTo(Money.of("4.00"));
	}

	@Test
	void rebuildsTheCurrentStateFromTheEventsAlone() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();
		Account adaNow = this.service.deposit(ada, Money.of("5.00"));
		Account bob = this.service.open("Bob", Money.of("1.00"));
		this.accounts.corruptRow(ada, bob);

		StateRebuilt rebuilt = this.service.rebuildState();

		assertThat(rebuilt.streams()).isEqualTo(2);
		assertThat(rebuilt.events()).isEqualTo(3);
		assertThat(rebuilt.tookMillis()).isNotNegative();
		assertThat(this.accounts.rows()).containsOnly(Map.entry(ada, adaNow), Map.entry(bob.customerId(), bob));
	}

}
