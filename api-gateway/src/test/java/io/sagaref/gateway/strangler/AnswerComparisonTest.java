package io.sagaref.gateway.strangler;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How two answers are compared: as a client reads them.
 */
class AnswerComparisonTest {

	private static Answer json(int status, String body) {
		return new Answer(status, body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void equalValuesInAnyMemberOrderAndScaleMatch() {
		assertThat(AnswerComparison.differences(json(200, "{\"a\":1.50,\"b\":[1,2]}"),
				json(200, "{\"b\":[1,2],\"a\":1.5}")))
			.isEmpty();
	}

	@Test
	void namesEachDifferingValueByItsJsonPointer() {
		assertThat(AnswerComparison.differences(json(200, "[{\"x/y\":1,\"n\":\"a\"}]"),
				json(200, "[{\"x/y\":2,\"n\":\"a\",\"extra\":true},{}]")))
			.extracting(Difference::toString)
			.containsExactly("/0/x~1y legacy=1 new=2", "/0/extra legacy=(absent) new=true",
					"/1 legacy=(absent) new={}");
	}

	@Test
	void aDifferentStatusIsTheOnlyDifferenceReported() {
		assertThat(AnswerComparison.differences(json(404, "{\"detail\":\"x\"}"), json(200, "{\"sku\":\"x\"}")))
			.containsExactly(new Difference("status", "404", "200"));
	}

	@Test
	void bodiesThatAreNotJsonMustBeEqualBytes() {
		assertThat(AnswerComparison.differences(json(200, "plain"), json(200, "plain"))).isEmpty();
		assertThat(AnswerComparison.differences(json(200, "plain"), json(200, "{}")))
			.containsExactly(new Difference("", "(5 bytes, not JSON)", "{}"));
	}

}
