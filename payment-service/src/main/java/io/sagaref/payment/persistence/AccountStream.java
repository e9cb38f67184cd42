package io.sagaref.payment.persistence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.sagaref.eventstore.StoredEvent;
import io.sagaref.eventstore.StreamDefinition;
import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.RecordedAccountEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An account's stream folded by the domain's own {@link Account#apply}, and its snapshot:
 * the account's state as JSON (raise {@link #SNAPSHOT_SCHEMA} when that shape changes,
 * and older snapshots are ignored).
 */
final class AccountStream implements StreamDefinition<Account> {

	static final int SNAPSHOT_SCHEMA = 1;

	private final AccountEvents events;

	private final JsonMapper json;

	AccountStream(AccountEvents events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	@Override
	public String streamType() {
		return AccountEvents.STREAM_TYPE;
	}

	@Override
	public int snapshotSchemaVersion() {
		return SNAPSHOT_SCHEMA;
	}

	@Override
	public Account fold(@Nullable Account state, StoredEvent event) {
		RecordedAccountEvent recorded = this.events.toRecorded(event);
		return (state != null) ? state.apply(recorded) : Account.opened(CustomerId.of(event.streamId()), recorded);
	}

	@Override
	public JsonNode snapshotOf(Account state) {
		return this.json.valueToTree(new State(state.customerId().value(), state.name(), state.balance().amount(),
				state.totalDeposited().amount(), state.version(),
				state.reversible()
					.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map((entry) -> new Reversible(entry.getKey(), entry.getValue().amount()))
					.toList()));
	}

	@Override
	public Account fromSnapshot(JsonNode snapshot) {
		State state = this.json.treeToValue(snapshot, State.class);
		Map<UUID, Money> reversible = state.reversible()
			.stream()
			.collect(Collectors.toMap(Reversible::entryId, (entry) -> Money.of(entry.amount())));
		return Account.restore(new CustomerId(state.customerId()), state.name(), Money.of(state.balance()),
				Money.of(state.totalDeposited()), state.version(), reversible);
	}

	/**
	 * The snapshot's shape.
	 */
	record State(UUID customerId, String name, BigDecimal balance, BigDecimal totalDeposited, long version,
			List<Reversible> reversible) {

	}

	/**
	 * An opening balance or deposit not reversed yet.
	 */
	record Reversible(UUID entryId, BigDecimal amount) {

	}

}
