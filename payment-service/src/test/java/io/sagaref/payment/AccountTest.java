package io.sagaref.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccountTest {

	@Test
	void opensWithTheInitialBalanceCountedAsDeposited() {
		Account account = Account.open(CustomerId.random(), " Ada ", Money.of("10.5"));

		assertThat(account.name()).isEqualTo("Ada");
		assertThat(account.balance()).isEqualTo(Money.of("10.50"));
		assertThat(account.totalDeposited()).isEqualTo(Money.of("10.50"));
	}

	@Test
	void refusesABlankOrOverlongName() {
		assertThatIllegalArgumentException().isThrownBy(() -> Account.open(CustomerId.random(), " ", Money.of("1")))
			.withMessageContaining("name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Account.open(CustomerId.random(), "x".repeat(201), Money.of("1")))
			.withMessageContaining("200");
	}

	@Test
	void refusesANegativeOrOversizedInitialBalance() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Account.open(CustomerId.random(), "Ada", Money.of("-0.01")))
			.withMessageContaining("initialBalance must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Account.open(CustomerId.random(), "Ada", Money.of("100000000000000000")))
			.withMessageContaining("initialBalance is too large");
	}

	@Test
	void opensWithNothing() {
		assertThat(Account.open(CustomerId.random(), "Ada", Money.ZERO).balance()).isEqualTo(Money.of("0.00"));
	}

	@Test
	void depositAddsToBalanceAndToWhatWasDeposited() {
		Account account = Account.open(CustomerId.random(), "Ada", Money.of("10.00"));

		account.deposit(Money.of("2.50"));

		assertThat(account.balance()).isEqualTo(Money.of("12.50"));
		assertThat(account.totalDeposited()).isEqualTo(Money.of("12.50"));
	}

	@Test
	void refusesDepositsOfNothingOrLess() {
		Account account = Account.open(CustomerId.random(), "Ada", Money.of("10"));

		assertThatIllegalArgumentException().isThrownBy(() -> account.deposit(Money.ZERO))
			.withMessageContaining("amount must be greater than 0");
		assertThatIllegalArgumentException().isThrownBy(() -> account.deposit(Money.of("-5")));
		assertThat(account.balance()).isEqualTo(Money.of("10.00"));
		assertThat(account.totalDeposited()).isEqualTo(Money.of("10.00"));
	}

	@Test
	void neverDebitsMoreThanTheBalance() {
		Account account = Account.open(CustomerId.random(), "Ada", Money.of("5.00"));

		assertThatIllegalStateException().isThrownBy(() -> account.debit(Money.of("5.01")));
		account.debit(Money.of("5.00"));

		assertThat(account.balance()).isEqualTo(Money.ZERO);
		assertThat(account.totalDeposited()).isEqualTo(Money.of("5.00"));
	}

}
