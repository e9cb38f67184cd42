package io.sagaref.payment.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.sagaref.eventstore.Folded;
import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts kept in memory answer only for the exact stream version asked, never go
 * back to an older state, and make room for new accounts by dropping the least recently
 * used.
 */
class RecentAccountsTest {

	private final RecentAccounts recent = new RecentAccounts(2);

	@Test
	void answersOnlyForTheVersionItHolds() {
		CustomerId ada = CustomerId.random();
		this.recent.committed(state(ada, 3));

		assertThat(this.recent.at(ada, 3)).map(Folded::version).contains(3L);
		assertThat(this.recent.at(ada, 4)).isEmpty();
		assertThat(this.recent.at(ada, 2)).isEmpty();
		assertThat(this.recent.at(CustomerId.random(), 3)).isEmpty();
	}

	@Test
	void neverGoesBackToAnOlderState() {
		CustomerId ada = CustomerId.random();
		this.recent.committed(state(ada, 5));
		this.recent.committed(state(ada, 4));

		assertThat(this.recent.at(ada, 5)).isPresent();
		assertThat(this.recent.at(ada, 4)).isEmpty();
	}

	@Test
	void dropsTheLeastRecentlyUsedAccount() {
		CustomerId ada = CustomerId.random();
		CustomerId bob = CustomerId.random();
		CustomerId eve = CustomerId.random();
		this.recent.committed(state(ada, 1));
		this.recent.committed(state(bob, 1));
		this.recent.at(ada, 1);

		this.recent.committed(state(eve, 1));

		assertThat(this.recent.at(ada, 1)).isPresent();
		assertThat(this.recent.at(bob, 1)).isEmpty();
		assertThat(this.recent.at(eve, 1)).isPresent();
	}

	private static Folded<Account> state(CustomerId customerId, long version) {
		Account account = Account.restore(customerId, "Ada", Money.of("1"), Money.of("1"), version,
				Map.of(UUID.randomUUID(), Money.of("1")));
		return new Folded<>(account, version, Instant.now(), 1, false);
	}

}
