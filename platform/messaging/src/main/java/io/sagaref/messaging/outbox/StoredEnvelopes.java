package io.sagaref.messaging.outbox;

import java.util.Collection;
import java.util.Map;

/**
 * Builds the envelopes of outbox rows that point at an event store row instead of holding
 * an envelope ({@link Outbox#appendStored}). Provided by the event store library; the
 * relay asks it once per batch for all such rows of the batch.
 */
public interface StoredEnvelopes {

	/**
	 * @param positions event store positions ({@code event_store.sequence})
	 * @return the envelope JSON of every position found, keyed by position
	 */
	Map<Long, String> envelopes(Collection<Long> positions);

}
