package io.sagaref.payment.persistence;

import java.util.Map;

import io.sagaref.eventstore.NewEvent;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.payment.AccountCharged;
import io.sagaref.payment.AccountEvent;
import io.sagaref.payment.AccountOpened;
import io.sagaref.payment.AccountRefunded;
import io.sagaref.payment.EntryReversed;
import io.sagaref.payment.MoneyDeposited;
import io.sagaref.payment.RecordedAccountEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * How account events are stored: under their simple class name, at the current version of
 * their type, the record's components as the data. The store upcasts older versions on
 * every read (see {@link AccountOpenedUpcaster}), so reading meets only current versions;
 * the examples in {@code contracts/store/account} pin every version down.
 */
final class AccountEvents {

	/** The kind of stream an account is. */
	static final String STREAM_TYPE = "account";

	/** Each event type's class and current version. */
	static final Map<String, Type> TYPES = Map.of("AccountOpened", new Type(AccountOpened.class, 2), "MoneyDeposited",
			new Type(MoneyDeposited.class, 1), "AccountCharged", new Type(AccountCharged.class, 1), "AccountRefunded",
			new Type(AccountRefunded.class, 1), "EntryReversed", new Type(EntryReversed.class, 1));

	private final JsonMapper json;

	AccountEvents(JsonMapper json) {
		this.json = json;
	}

	NewEvent toNew(AccountEvent event) {
		String type = event.getClass().getSimpleName();
		return new NewEvent(type, type(type).version(), event, null);
	}

	RecordedAccountEvent toRecorded(StoredEvent stored) {
		Type type = type(stored.type());
		if (stored.version() != type.version()) {
			throw new IllegalStateException("Event " + stored.eventId() + " of account " + stored.streamId() + " is "
					+ stored.type() + " version " + stored.version() + ", which no upcaster turns into version "
					+ type.version());
		}
		return new RecordedAccountEvent(stored.eventId(), stored.streamVersion(), stored.recordedAt(),
				this.json.treeToValue(stored.data(), type.eventClass()));
	}

	private static Type type(String name) {
		Type type = TYPES.get(name);
		if (type == null) {
			throw new IllegalStateException("No account event type " + name);
		}
		return type;
	}

	/**
	 * An event type as stored.
	 *
	 * @param eventClass the domain event
	 * @param version the version written now
	 */
	record Type(Class<? extends AccountEvent> eventClass, int version) {

	}

}
