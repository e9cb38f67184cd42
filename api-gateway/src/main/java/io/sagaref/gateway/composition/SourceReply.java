package io.sagaref.gateway.composition;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.sagaref.gateway.Backend;

/**
 * What one backend answered to a composition call, failures included, so the overview can
 * degrade instead of failing as a whole.
 *
 * @param source the backend asked
 * @param outcome how it answered
 * @param body the JSON body when it {@link Outcome#ANSWERED answered}
 */
record SourceReply(Backend source, Outcome outcome, @Nullable JsonNode body) {

	static SourceReply answered(Backend source, JsonNode body) {
		return new SourceReply(source, Outcome.ANSWERED, body);
	}

	static SourceReply notFound(Backend source) {
		return new SourceReply(source, Outcome.NOT_FOUND, null);
	}

	static SourceReply unavailable(Backend source) {
		return new SourceReply(source, Outcome.UNAVAILABLE, null);
	}

	static SourceReply notCurrent(Backend source) {
		return new SourceReply(source, Outcome.NOT_CURRENT, null);
	}

	/** How a backend answered. */
	enum Outcome {

		/** 2xx with a JSON body. */
		ANSWERED,
		/** 404: the thing asked for does not exist. */
		NOT_FOUND,
		/**
		 * 503 to a call that carried a {@code readToken}: the source's view does not
		 * include the client's write yet. Never to be shown as if it were current.
		 */
		NOT_CURRENT,
		/** Down, too slow, or any other answer. */
		UNAVAILABLE

	}

}
