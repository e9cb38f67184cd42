package io.sagaref.orderquery.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.RecordedEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies saga events to order views: the only writer of the live read model. The events
 * of one transaction (a consumer's poll) are collected and folded just before it commits
 * ({@link ViewFolding}), so a poll costs the same handful of statements whether it holds
 * one event or five hundred. Once the transaction has committed, and only then, it says
 * so: the read model's progress (Read-Model-As-Of, lag, applied events) advances and
 * queries waiting for a read token re-check. A rebuild folds with the same code into its
 * shadow tables and never comes through here, so replaying the topics says nothing. The
 * saga steps folded are pushed to open streams ({@link StepFeed}) after the commit too: a
 * stream never shows a step the store might still roll back.
 */
@Service
public class OrderProjection {

	private final OrderViews views;

	private final ReadModelProgress progress;

	private final ViewChanges changes;

	private final StepFeed feed;

	public OrderProjection(OrderViews views, ReadModelProgress progress, ViewChanges changes, StepFeed feed) {
		this.views = views;
		this.progress = progress;
		this.changes = changes;
		this.feed = feed;
	}

	/**
	 * Folds an event into its order's view when the transaction commits, creating the
	 * view if this is the first event about the order, and adds it to the timeline. Stale
	 * events change nothing.
	 * @param recorded the event
	 */
	@Transactional
	public void apply(RecordedEvent recorded) {
		var pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.events.add(recorded);
	}

	/** The events of one transaction, folded before it commits. */
	private final class Pending implements TransactionSynchronization {

		private final List<RecordedEvent> events = new ArrayList<>();

		private List<RecordedEvent> applied = List.of();

		private final List<SagaStep> steps = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			this.steps.clear();
			this.applied = ViewFolding.fold(OrderProjection.this.views, this.events, this.steps::add);
		}

		@Override
		public void afterCommit() {
			if (this.applied.isEmpty()) {
				return;
			}
			Set<OrderId> changed = new LinkedHashSet<>();
			this.applied.forEach((event) -> changed.add(event.orderId()));
			OrderProjection.this.progress.applied(this.applied);
			OrderProjection.this.changes.changed(changed);
			OrderProjection.this.feed.publish(this.steps);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResource(OrderProjection.this);
		}

	}

}
