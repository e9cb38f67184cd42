package io.sagaref.messaging.outbox;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TEST-ONLY faults the relay can inject, so fault tests can prove the delivery guarantees
 * against the real relay instead of a simulation: publishing every batch twice
 * ({@code saga.messaging.failpoints.publish-twice}) and dying like {@code kill -9}
 * between publishing a batch and marking it sent
 * ({@code saga.messaging.failpoints.halt-after-publish}). Both are off unless configured.
 */
public final class RelayFailpoints {

	private static final Logger log = LoggerFactory.getLogger(RelayFailpoints.class);

	/** Exit code of a process killed by SIGKILL. */
	static final int KILLED = 137;

	private final boolean publishTwice;

	private final int haltAfterPublish;

	private final Runnable halt;

	private final AtomicInteger publishedBatches = new AtomicInteger();

	/**
	 * @param publishTwice whether every batch is sent a second time after its first
	 * acknowledgement
	 * @param haltAfterPublish the batch after whose publication {@code halt} runs, 0 for
	 * never
	 * @param halt what dying means; the JVM halt in production wiring, a recording action
	 * in tests
	 */
	public RelayFailpoints(boolean publishTwice, int haltAfterPublish, Runnable halt) {
		if (haltAfterPublish < 0) {
			throw new IllegalArgumentException("haltAfterPublish must not be negative");
		}
		this.publishTwice = publishTwice;
		this.haltAfterPublish = haltAfterPublish;
		this.halt = halt;
		if (publishTwice || haltAfterPublish > 0) {
			log.warn("TEST-ONLY relay failpoints are on: publish-twice={}, halt-after-publish={}", publishTwice,
					haltAfterPublish);
		}
	}

	/**
	 * @return no faults, the normal relay
	 */
	public static RelayFailpoints none() {
		return new RelayFailpoints(false, 0, () -> {
		});
	}

	/**
	 * The configured faults, halting the JVM for real.
	 * @param publishTwice see {@link #publishTwice()}
	 * @param haltAfterPublish see {@link #RelayFailpoints(boolean, int, Runnable)}
	 * @return the failpoints
	 */
	public static RelayFailpoints of(boolean publishTwice, int haltAfterPublish) {
		return new RelayFailpoints(publishTwice, haltAfterPublish, () -> Runtime.getRuntime().halt(KILLED));
	}

	/**
	 * @return whether the relay sends every batch twice
	 */
	public boolean publishTwice() {
		return this.publishTwice;
	}

	/**
	 * Called by the relay after Kafka acknowledged a batch and before the batch is marked
	 * sent: counts the batch and, if it is the one configured, halts.
	 */
	void batchPublished() {
		int batch = this.publishedBatches.incrementAndGet();
		if (this.haltAfterPublish > 0 && batch == this.haltAfterPublish) {
			log.error("Failpoint halt-after-publish={}: halting after publishing batch {} and before marking it sent",
					this.haltAfterPublish, batch);
			this.halt.run();
		}
	}

}
