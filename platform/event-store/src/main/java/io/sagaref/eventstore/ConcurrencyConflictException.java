package io.sagaref.eventstore;

import org.jspecify.annotations.Nullable;

/**
 * Another transaction appended to the stream since it was read: the command should load
 * the stream again and retry, or answer 409 (an {@link IllegalStateException}, which the
 * web layer answers 409).
 */
public class ConcurrencyConflictException extends IllegalStateException {

	private final String streamId;

	private final long expectedVersion;

	public ConcurrencyConflictException(String streamId, long expectedVersion, @Nullable Throwable cause) {
		super("Stream " + streamId + " is no longer at version " + expectedVersion
				+ ": another change was recorded first", cause);
		this.streamId = streamId;
		this.expectedVersion = expectedVersion;
	}

	public String streamId() {
		return this.streamId;
	}

	public long expectedVersion() {
		return this.expectedVersion;
	}

}
