package io.sagaref.payment.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.AccountEvent;
import io.sagaref.payment.AccountOpened;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.RecordedAccountEvent;

/**
 * {@link Accounts} as event streams in a map, folded by the domain itself, with a map of
 * current-state rows beside them, for use-case tests. Every event is recorded a minute
 * after the one before, so tests can ask for the state in between. Locks are no-ops, but
 * the ids asked to be locked are kept for the test to see; an append checks the version
 * like the store does.
 */
class InMemoryAccounts implements Accounts {

	private final Map<CustomerId, List<RecordedAccountEvent>> streams = new LinkedHashMap<>();

	private final Map<CustomerId, Account> rows = new LinkedHashMap<>();

	private final List<CustomerId> locked = new ArrayList<>();

	private Instant clock = Instant.parse("2030-01-01T00:00:00Z");

	@Override
	public Optional<Account> find(CustomerId customerId) {
		return fold(customerId, history(customerId));
	}

	@Override
	public Optional<Account> findAsOf(CustomerId customerId, Instant asOf) {
		return fold(customerId,
				history(customerId).stream().filter((event) -> !event.recordedAt().isAfter(asOf)).toList());
	}

	@Override
	public Optional<Account> findForUpdate(CustomerId customerId) {
		return this.rows.containsKey(customerId) ? find(customerId) : Optional.empty();
	}

	@Override
	public void lockRows(Collection<CustomerId> customerIds) {
		this.locked.addAll(customerIds);
	}

	@Override
	public List<RecordedAccountEvent> history(CustomerId customerId) {
		return List.copyOf(this.streams.getOrDefault(customerId, List.of()));
	}

	@Override
	public Appended open(CustomerId customerId, AccountOpened opened) {
		if (this.streams.containsKey(customerId)) {
			throw new IllegalStateException("Stream " + customerId + " exists");
		}
		this.streams.put(customerId, new ArrayList<>());
		RecordedAccountEvent recorded = record(customerId, opened);
		return written(Account.opened(customerId, recorded), recorded);
	}

	@Override
	public Appended append(Account current, AccountEvent event) {
		List<RecordedAccountEvent> stream = this.streams.get(current.customerId());
		if (stream == null || stream.size() != current.version()) {
			throw new IllegalStateException("Stream " + current.customerId() + " is no longer at version "
					+ current.version() + ": another change was recorded first");
		}
		RecordedAccountEvent recorded = record(current.customerId(), event);
		return written(current.apply(recorded), recorded);
	}

	@Override
	public Rebuilt rebuild() {
		this.rows.clear();
		long events = 0;
		for (var stream : this.streams.entrySet()) {
			this.rows.put(stream.getKey(), fold(stream.getKey(), stream.getValue()).orElseThrow());
			events += stream.getValue().size();
		}
		return new Rebuilt(this.streams.size(), events);
	}

	private RecordedAccountEvent record(CustomerId customerId, AccountEvent event) {
		List<RecordedAccountEvent> stream = this.streams.get(customerId);
		this.clock = this.clock.plus(Duration.ofMinutes(1));
		var recorded = new RecordedAccountEvent(UUID.randomUUID(), stream.size() + 1L, this.clock, event);
		stream.add(recorded);
		return recorded;
	}

	private Appended written(Account account, RecordedAccountEvent recorded) {
		this.rows.put(account.customerId(), account);
		return new Appended(account, recorded);
	}

	private static Optional<Account> fold(CustomerId customerId, List<RecordedAccountEvent> events) {
		Account account = null;
		for (RecordedAccountEvent event : events) {
			account = (account == null) ? Account.opened(customerId, event) : account.apply(event);
		}
		return Optional.ofNullable(account);
	}

	/**
	 * @return the current-state row of an account (the balance the ledger sums)
	 */
	Account row(CustomerId customerId) {
		return this.rows.get(customerId);
	}

	Map<CustomerId, Account> rows() {
		return Map.copyOf(this.rows);
	}

	/**
	 * Breaks an account's row, as a failed migration or a bug would.
	 */
	void corruptRow(CustomerId customerId, Account wrong) {
		this.rows.put(customerId, wrong);
	}

	void remove(CustomerId customerId) {
		this.streams.remove(customerId);
		this.rows.remove(customerId);
	}

	int count() {
		return this.streams.size();
	}

	List<CustomerId> locked() {
		return List.copyOf(this.locked);
	}

}
