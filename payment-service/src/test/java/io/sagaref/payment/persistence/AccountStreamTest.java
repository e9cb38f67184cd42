package io.sagaref.payment.persistence;

import java.time.Instant;
import java.util.UUID;

import io.sagaref.eventstore.EventMetadata;
import io.sagaref.eventstore.LogPosition;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.payment.Account;
import io.sagaref.payment.AccountEvent;
import io.sagaref.payment.AccountOpened;
import io.sagaref.payment.Money;
import io.sagaref.payment.MoneyDeposited;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account stream is folded by the domain from the stored JSON, and its snapshot gives
 * back the very same account, to the cent, with what is still reversible.
 */
class AccountStreamTest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final AccountStream stream = new AccountStream(new AccountEvents(JSON), JSON);

	private final String customerId = UUID.randomUUID().toString();

	@Test
	void foldsStoredEventsIntoTheAccount() {
		Account account = this.stream.fold(null, stored(1, new AccountOpened("Ada", Money.of("99999999999999999.00"))));
		account = this.stream.fold(account, stored(2, new MoneyDeposited(Money.of("0.99"))));

		assertThat(account.customerId().toString()).isEqualTo(this.customerId);
		assertThat(account.balance()).isEqualTo(Money.of("99999999999999999.99"));
		assertThat(account.version()).isEqualTo(2);
		assertThat(account.reversible()).hasSize(2);
	}

	@Test
	void givesBackTheSameAccountFromItsSnapshot() {
		Account account = this.stream.fold(null, stored(1, new AccountOpened("Ada", Money.of("10.50"))));
		account = this.stream.fold(account, stored(2, new MoneyDeposited(Money.of("2.25"))));

		Account restored = this.stream
			.fromSnapshot(JSON.readTree(JSON.writeValueAsString(this.stream.snapshotOf(account))));

		assertThat(restored).isEqualTo(account);
		assertThat(this.stream.streamType()).isEqualTo("account");
	}

	private StoredEvent stored(long version, AccountEvent event) {
		return new StoredEvent(LogPosition.START, "account", this.customerId, version, UUID.randomUUID(),
				event.getClass().getSimpleName(), AccountEvents.TYPES.get(event.getClass().getSimpleName()).version(),
				JSON.valueToTree(event), EventMetadata.correlatedBy(this.customerId), Instant.now());
	}

}
