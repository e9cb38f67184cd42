package io.sagaref.payment.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sagaref.eventstore.EventMetadata;
import io.sagaref.eventstore.EventStore;
import io.sagaref.eventstore.Folded;
import io.sagaref.eventstore.Snapshots;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.eventstore.StreamLoader;
import io.sagaref.payment.Account;
import io.sagaref.payment.AccountCharged;
import io.sagaref.payment.AccountEvent;
import io.sagaref.payment.AccountOpened;
import io.sagaref.payment.AccountRefunded;
import io.sagaref.payment.Accounts;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.RecordedAccountEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Accounts} on the event store: each account is a stream of type
 * {@value AccountEvents#STREAM_TYPE} under its customer id, folded by the
 * {@link StreamLoader} (from the newest snapshot on), and its {@code account} row is
 * written in the same transaction as each event.
 * <p>
 * A transaction remembers the accounts it locked (with the stream version the lock read)
 * and loaded: while the row lock is held no other transaction can append to the stream,
 * so a second charge of the same customer in one poll, or a lock taken for the whole
 * poll, costs no further statement. An append takes only an account loaded that way, so
 * every change is made under the lock. The rows of the accounts a transaction changed are
 * written together just before it commits, one statement for a whole poll.
 */
@Repository
class EventSourcedAccounts implements Accounts {

	/** Accounts whose newest state is kept in memory (a few hundred bytes each). */
	static final int RECENT_ACCOUNTS = 10_000;

	private final StreamLoader loader;

	private final EventStore store;

	private final Snapshots snapshots;

	private final AccountRows rows;

	private final AccountEvents events;

	private final AccountStream stream;

	private final int snapshotEvery;

	private final RecentAccounts recent = new RecentAccounts(RECENT_ACCOUNTS);

	EventSourcedAccounts(StreamLoader loader, EventStore store, Snapshots snapshots, JdbcTemplate jdbc, JsonMapper json,
			@Value("${saga.event-store.snapshot-every:50}") int snapshotEvery) {
		this.snapshotEvery = snapshotEvery;
		this.loader = loader;
		this.store = store;
		this.snapshots = snapshots;
		this.rows = new AccountRows(jdbc);
		this.events = new AccountEvents(json);
		this.stream = new AccountStream(this.events, json);
	}

	@Override
	public Optional<Account> find(CustomerId customerId) {
		return this.loader.load(this.stream, customerId.toString()).map(Folded::state);
	}

	@Override
	public Optional<Account> findAsOf(CustomerId customerId, Instant asOf) {
		return this.loader.loadAsOf(this.stream, customerId.toString(), asOf).map(Folded::state);
	}

	@Override
	public Optional<Account> findForUpdate(CustomerId customerId) {
		Locked locked = locked();
		Folded<Account> loaded = locked.loaded.get(customerId);
		if (loaded == null) {
			Long version = locked.versions.get(customerId);
			if (version == null) {
				version = this.rows.lock(customerId).orElse(null);
				if (version == null) {
					return Optional.empty();
				}
				locked.versions.put(customerId, version);
			}
			long lockedVersion = version;
			loaded = this.recent.at(customerId, lockedVersion).orElseGet(() -> load(customerId, lockedVersion));
			locked.loaded.put(customerId, loaded);
		}
		return Optional.of(loaded.state());
	}

	/**
	 * Folds a locked account's stream. Below the first snapshot's version (known from the
	 * row the lock read) there is no snapshot to look for, so the stream is read at once:
	 * one statement instead of two for every account younger than
	 * {@code saga.event-store.snapshot-every} events.
	 */
	private Folded<Account> load(CustomerId customerId, long version) {
		Optional<Folded<Account>> folded = (this.snapshotEvery == 0 || version < this.snapshotEvery)
				? foldFromStart(customerId.toString()) : this.loader.load(this.stream, customerId.toString());
		return folded
			.orElseThrow(() -> new IllegalStateException("Account " + customerId + " has a row but no events"));
	}

	private Optional<Folded<Account>> foldFromStart(String streamId) {
		List<StoredEvent> events = this.store.readStream(streamId, 0);
		Account account = null;
		for (StoredEvent event : events) {
			account = this.stream.fold(account, event);
		}
		if (account == null) {
			return Optional.empty();
		}
		StoredEvent last = events.getLast();
		return Optional.of(new Folded<>(account, last.streamVersion(), last.recordedAt(), events.size(), false));
	}

	@Override
	public void lockRows(Collection<CustomerId> customerIds) {
		locked().versions.putAll(this.rows.lock(customerIds));
	}

	@Override
	public List<RecordedAccountEvent> history(CustomerId customerId) {
		return this.store.readStream(customerId.toString(), 0).stream().map(this.events::toRecorded).toList();
	}

	@Override
	public Appended open(CustomerId customerId, AccountOpened opened) {
		return append(customerId, null, opened);
	}

	@Override
	public Appended append(Account current, AccountEvent event) {
		Folded<Account> loaded = locked().loaded.get(current.customerId());
		if (loaded == null || loaded.state() != current) {
			throw new IllegalStateException("Account " + current.customerId()
					+ " was not loaded for update in this transaction, or changed since");
		}
		return append(current.customerId(), loaded, event);
	}

	private Appended append(CustomerId customerId, @Nullable Folded<Account> current, AccountEvent event) {
		StreamLoader.Appended<Account> appended = this.loader.append(this.stream, customerId.toString(), current,
				List.of(this.events.toNew(event)), new EventMetadata(correlationOf(event), null, Map.of()));
		Folded<Account> after = appended.state();
		Locked locked = locked();
		if (current == null) {
			this.rows.insert(after.state());
		}
		else {
			locked.changed.put(customerId, after.state());
		}
		locked.versions.put(customerId, after.version());
		locked.loaded.put(customerId, after);
		return new Appended(after.state(), this.events.toRecorded(appended.events().getFirst()));
	}

	/**
	 * @return the order a charge or refund belongs to (the saga), else null: the store
	 * then correlates the event with its stream
	 */
	private static @Nullable String correlationOf(AccountEvent event) {
		return switch (event) {
			case AccountCharged charged -> charged.orderId().toString();
			case AccountRefunded refunded -> refunded.orderId().toString();
			default -> null;
		};
	}

	@Override
	public Rebuilt rebuild() {
		this.rows.lockAll();
		this.rows.deleteAll();
		this.snapshots.deleteAll(AccountEvents.STREAM_TYPE);
		List<String> streamIds = this.store.streamIds(AccountEvents.STREAM_TYPE);
		List<Account> accounts = new ArrayList<>(streamIds.size());
		long events = 0;
		for (String streamId : streamIds) {
			Account account = null;
			for (StoredEvent event : this.store.readStream(streamId, 0)) {
				account = this.stream.fold(account, event);
				events++;
			}
			if (account != null) {
				accounts.add(account);
			}
		}
		this.rows.insertAll(accounts);
		return new Rebuilt(accounts.size(), events);
	}

	/**
	 * @return what this transaction has locked, loaded and changed so far
	 */
	private Locked locked() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Accounts are locked and changed inside a transaction only");
		}
		Locked locked = (Locked) TransactionSynchronizationManager.getResource(this);
		if (locked == null) {
			Locked fresh = new Locked();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					EventSourcedAccounts.this.rows.updateAll(fresh.changed.values());
					fresh.changed.clear();
				}

				@Override
				public void afterCommit() {
					fresh.loaded.values().forEach(EventSourcedAccounts.this.recent::committed);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(EventSourcedAccounts.this);
				}
			});
			locked = fresh;
		}
		return locked;
	}

	/**
	 * The accounts whose rows a transaction has locked (at which stream version), those
	 * of them it has loaded, and those whose rows are to be written before it commits.
	 */
	private static final class Locked {

		final Map<CustomerId, Long> versions = new HashMap<>();

		final Map<CustomerId, Folded<Account>> loaded = new HashMap<>();

		final Map<CustomerId, Account> changed = new LinkedHashMap<>();

	}

}
