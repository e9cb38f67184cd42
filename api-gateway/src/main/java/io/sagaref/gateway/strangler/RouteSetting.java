package io.sagaref.gateway.strangler;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a strangled route is served right now.
 *
 * @param newWeight the percentage of requests the new side answers, 0 to 100: 0 is all
 * legacy, 100 all new, anything between is a random split per request
 * @param mode {@link Mode#SPLIT} or {@link Mode#SHADOW}
 */
public record RouteSetting(@DefaultValue("100") int newWeight, @DefaultValue("SPLIT") Mode mode) {

	/** Every request to the new side, none mirrored: the state after a migration. */
	public static final RouteSetting ALL_NEW = new RouteSetting(100, Mode.SPLIT);

	public RouteSetting {
		if (newWeight < 0 || newWeight > 100) {
			throw new IllegalArgumentException(
					"newWeight must be from 0 to 100 (percent to the new side), was " + newWeight);
		}
		if (mode == null) {
			throw new IllegalArgumentException("mode must be SPLIT or SHADOW");
		}
	}

	/** How the side that does not answer a request takes part in it. */
	public enum Mode {

		/** Not at all: each request goes to one side, chosen by the weight. */
		SPLIT,
		/**
		 * The request is also sent to the other side in the background, and the two
		 * answers are compared; the client only ever sees the answering side's.
		 */
		SHADOW

	}

}
