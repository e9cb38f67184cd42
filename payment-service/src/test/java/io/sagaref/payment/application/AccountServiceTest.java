package io.sagaref.payment.application;

import java.util.NoSuchElementException;

import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Opening accounts and paying money in, over in-memory accounts.
 */
class AccountServiceTest {

	private final InMemoryAccounts accounts = new InMemoryAccounts();

	private final AccountService service = new AccountService(this.accounts);

	@Test
	void opensAnAccountUnderANewCustomerId() {
		Account ada = this.service.open("Ada", Money.of("100.5"));
		Account bob = this.service.open("Bob", Money.ZERO);

		assertThat(ada.customerId()).isNotEqualTo(bob.customerId());
		assertThat(this.service.account(ada.customerId()).name()).isEqualTo("Ada");
		assertThat(this.service.account(ada.customerId()).balance()).isEqualTo(Money.of("100.50"));
		assertThat(this.service.account(ada.customerId()).totalDeposited()).isEqualTo(Money.of("100.50"));
		assertThat(this.service.account(bob.customerId()).balance()).isEqualTo(Money.ZERO);
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
		assertThat(this.service.account(ada).balance()).isEqualTo(Money.of("12.25"));
		assertThat(this.service.account(ada).totalDeposited()).isEqualTo(Money.of("12.25"));
	}

	@Test
	void refusesADepositOfNothingAndKeepsTheBalance() {
		CustomerId ada = this.service.open("Ada", Money.of("10.00")).customerId();

		assertThatIllegalArgumentException().isThrownBy(() -> this.service.deposit(ada, Money.ZERO))
			.withMessageContaining("amount must be greater than 0");

		assertThat(this.service.account(ada).balance()).isEqualTo(Money.of("10.00"));
	}

	@Test
	void knowsNoCustomerItNeverOpened() {
		CustomerId stranger = CustomerId.random();

		assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> this.service.account(stranger))
			.withMessage("No customer " + stranger);
		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> this.service.deposit(stranger, Money.of("1")))
			.withMessage("No customer " + stranger);
	}

}
