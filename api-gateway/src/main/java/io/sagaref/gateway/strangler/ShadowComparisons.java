package io.sagaref.gateway.strangler;

import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagaref.gateway.Backend;

import org.springframework.stereotype.Component;

/**
 * Records every shadow comparison in the metric {@value #METRIC}, tagged with the
 * {@code route} and its {@code outcome}: {@code match}, {@code mismatch}, {@code error}
 * (one side could not be compared: it failed or the mirror did not answer in time) or
 * {@code skipped} (not mirrored: too many under way, or the answer too large). Each
 * mismatch is also one log line naming every differing field with both sides' values.
 */
@Component
class ShadowComparisons {

	/** The metric of the comparisons. */
	static final String METRIC = "gateway.strangler.shadow.comparisons";

	private static final Logger log = LoggerFactory.getLogger(ShadowComparisons.class);

	private final MeterRegistry meters;

	ShadowComparisons(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * @param route the route
	 * @param request the request, e.g. {@code GET /api/products/BOOK-1}
	 * @param servedBy the side whose answer the client got
	 * @param legacy the old system's answer
	 * @param newer the new side's answer
	 */
	void compared(StrangledRoute route, String request, Backend servedBy, Answer legacy, Answer newer) {
		List<Difference> differences = AnswerComparison.differences(legacy, newer);
		if (differences.isEmpty()) {
			count(route, "match");
			return;
		}
		count(route, "mismatch");
		log.warn("Shadow mismatch on route {}: {} (client served by {}) differs at {}", route.routeName(), request,
				servedBy.serviceName(),
				differences.stream().map(Difference::toString).collect(Collectors.joining("; ")));
	}

	void failed(StrangledRoute route, String request, Backend shadow, Throwable failure) {
		count(route, "error");
		log.info("Shadow comparison on route {} failed for {} (mirrored to {}): {}", route.routeName(), request,
				shadow.serviceName(), failure.toString());
	}

	void skipped(StrangledRoute route, String why) {
		count(route, "skipped");
		log.debug("Shadow comparison on route {} skipped: {}", route.routeName(), why);
	}

	private void count(StrangledRoute route, String outcome) {
		Counter.builder(METRIC)
			.description("Shadow comparisons of a strangled route's two answers, by outcome")
			.tag("route", route.routeName())
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
