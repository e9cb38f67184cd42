package io.sagaref.payment;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AccountTest {

	@Test
	void opensWithTheInitialBalanceCountedAsDeposited() {
		Account account = Account.open(UUID.randomUUID(), " Ada ", new BigDecimal("10.5"));

		assertThat(account.name()).isEqualTo("Ada");
		assertThat(account.balance()).isEqualTo(new BigDecimal("10.50"));
		assertThat(account.totalDeposited()).isEqualTo(new BigDecimal("10.50"));
	}

	@Test
	void refusesABlankOrOverlongName() {
		assertThatIllegalArgumentException().isThrownBy(() -> Account.open(UUID.randomUUID(), " ", BigDecimal.ONE))
			.withMessageContaining("name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Account.open(UUID.randomUUID(), "x".repeat(201), BigDecimal.ONE))
			.withMessageContaining("200");
	}

	@Test
	void refusesANegativeOrFractionalCentInitialBalance() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Account.open(UUID.randomUUID(), "Ada", new BigDecimal("-0.01")))
			.withMessageContaining("negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Account.open(UUID.randomUUID(), "Ada", new BigDecimal("1.005")))
			.withMessageContaining("2 decimals");
	}

	@Test
	void depositAddsToBalanceAndToWhatWasDeposited() {
		Account account = Account.open(UUID.randomUUID(), "Ada", new BigDecimal("10.00"));

		account.deposit(new BigDecimal("2.50"));

		assertThat(account.balance()).isEqualTo(new BigDecimal("12.50"));
		assertThat(account.totalDeposited()).isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void refusesDepositsOfNothingOrFractionsOfACent() {
		Account account = Account.open(UUID.randomUUID(), "Ada", BigDecimal.TEN);

		assertThatIllegalArgumentException().isThrownBy(() -> account.deposit(BigDecimal.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> account.deposit(new BigDecimal("0.001")));
		assertThat(account.balance()).isEqualTo(new BigDecimal("10.00"));
	}

	@Test
	void neverDebitsMoreThanTheBalance() {
		Account account = Account.open(UUID.randomUUID(), "Ada", new BigDecimal("5.00"));

		assertThatIllegalStateException().isThrownBy(() -> account.debit(new BigDecimal("5.01")));
		account.debit(new BigDecimal("5.00"));

		assertThat(account.balance()).isEqualByComparingTo("0");
		assertThat(account.totalDeposited()).isEqualByComparingTo("5.00");
	}

}
