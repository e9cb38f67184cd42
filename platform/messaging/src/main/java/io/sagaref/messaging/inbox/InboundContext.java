package io.sagaref.messaging.inbox;

import io.sagaref.messaging.EventEnvelope;
import org.jspecify.annotations.Nullable;

/**
 * The event being handled on this thread, so that events emitted by the handler name it
 * as their cause without every domain method passing it along.
 */
public final class InboundContext {

	private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

	private InboundContext() {
	}

	/**
	 * @return the envelope being handled on this thread, or null outside a handler
	 */
	public static @Nullable EventEnvelope current() {
		return CURRENT.get();
	}

	static void runWith(EventEnvelope envelope, Runnable action) {
		CURRENT.set(envelope);
		try {
			action.run();
		}
		finally {
			CURRENT.remove();
		}
	}

}
