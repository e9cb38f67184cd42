package io.sagaref.gateway.composition;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.sagaref.gateway.Backend;
import io.sagaref.gateway.composition.SourceFailure.Reason;

/**
 * What one backend answered to a composition call, failures included, so the overview can
 * degrade instead of failing as a whole.
 *
 * @param source the backend asked
 * @param outcome how it answered
 * @param body the JSON body when it {@link Outcome#ANSWERED answered}
 * @param reason why it {@link Outcome#FAILED failed}
 * @param detail what happened when it failed, in words
 */
record SourceReply(Backend source, Outcome outcome, @Nullable JsonNode body, @Nullable Reason reason,
		@Nullable String detail) {

	static SourceReply answered(Backend source, JsonNode body) {
		return new SourceReply(source, Outcome.ANSWERED, body, null, null);
	}

	static SourceReply notFound(Backend source) {
		return new SourceReply(source, Outcome.NOT_FOUND, null, null, null);
	}

	static SourceReply failed(Backend source, Reason reason, String detail) {
		return new SourceReply(source, Outcome.FAILED, null, reason, detail);
	}

	/**
	 * @param section the section this reply was asked for
	 * @return the failure as the client sees it
	 */
	SourceFailure failure(String section) {
		return new SourceFailure(this.source.serviceName(), section,
				(this.reason != null) ? this.reason : Reason.BAD_ANSWER,
				(this.detail != null) ? this.detail : this.source.serviceName() + " gave no usable answer");
	}

	/** How a backend answered. */
	enum Outcome {

		/** 2xx with a JSON body. */
		ANSWERED,
		/** 404: the thing asked for does not exist. */
		NOT_FOUND,
		/**
		 * Down, too slow, circuit open, not current yet, or any other answer: never to be
		 * shown as if it were current.
		 */
		FAILED

	}

}
