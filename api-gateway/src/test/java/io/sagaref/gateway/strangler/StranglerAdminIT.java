package io.sagaref.gateway.strangler;

import org.junit.jupiter.api.Test;

import io.sagaref.testsupport.ApiReply;

import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin endpoint shows and replaces a route's setting, and refuses what is not one
 * with a problem naming every wrong field, leaving the setting as it was.
 */
class StranglerAdminIT extends StranglerIntegrationTest {

	@Test
	void showsTheConfiguredSettingAndBothBackends() {
		ApiReply reply = this.api.get(ROUTE);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().toString()).isEqualTo(
				"{\"route\":\"products\",\"newWeight\":100,\"mode\":\"SPLIT\",\"legacyBackend\":\"legacy-monolith\","
						+ "\"newBackend\":\"inventory-service\"}");
		assertThat(this.api.get("/api/admin/strangler/routes").json().get(0).path("route").asString())
			.isEqualTo("products");
	}

	@Test
	void replacesTheSettingAndAnswersIt() {
		ApiReply reply = this.api.put(ROUTE, "{\"newWeight\": 10, \"mode\": \"shadow\"}");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("newWeight").asInt()).isEqualTo(10);
		assertThat(reply.json().path("mode").asString()).isEqualTo("SHADOW");
		assertThat(this.api.get(ROUTE).json().path("newWeight").asInt()).isEqualTo(10);
	}

	@Test
	void refusesAWeightOutsideZeroToAHundredAndAnUnknownMode() {
		ApiReply reply = this.api.put(ROUTE, "{\"newWeight\": 150, \"mode\": \"BOTH\"}");

		assertProblem(reply, 400, "newWeight must be an integer from 0 to 100 (percent to the new side), was 150");
		assertThat(reply.detail()).contains("mode must be SPLIT or SHADOW, was \"BOTH\"");
		assertThat(this.api.get(ROUTE).json().path("newWeight").asInt()).isEqualTo(100);
	}

	@Test
	void refusesMissingFieldsWrongTypesAndUnknownFields() {
		assertProblem(this.api.put(ROUTE, "{\"mode\": \"SPLIT\"}"), 400, "newWeight must be an integer from 0 to 100");
		assertProblem(this.api.put(ROUTE, "{\"newWeight\": \"50\", \"mode\": \"SPLIT\"}"), 400, "was \"50\"");
		assertProblem(this.api.put(ROUTE, "{\"newWeight\": 12.5, \"mode\": \"SPLIT\"}"), 400, "was 12.5");
		assertProblem(this.api.put(ROUTE, "{\"weight\": 50, \"newWeight\": 50, \"mode\": \"SPLIT\"}"), 400,
				"unknown field 'weight'");
		assertProblem(this.api.put(ROUTE, "[50]"), 400, "must be a JSON object");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		assertProblem(this.api.put(ROUTE, "{newWeight: 50"), 400, "The body is not valid JSON");
	}

	@Test
	void answersAnUnknownRouteWithANotFoundProblem() {
		assertProblem(this.api.get("/api/admin/strangler/routes/orders"), 404,
				"No strangled route 'orders'; strangled routes: products");
		assertProblem(this.api.put("/api/admin/strangler/routes/orders", "{\"newWeight\": 1, \"mode\": \"SPLIT\"}"),
				404, "No strangled route 'orders'");
	}

}
