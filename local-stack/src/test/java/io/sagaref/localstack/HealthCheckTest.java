package io.sagaref.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading an actuator health answer: only the service's overall status counts.
 */
class HealthCheckTest {

	@Test
	void anOverallUpCountsWhereverItStands() {
		assertThat(HealthCheck.reportsUp(200, "{\"status\":\"UP\",\"groups\":[]}")).isTrue();
		assertThat(HealthCheck.reportsUp(200, "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}"))
			.as("Spring Boot 4 lists groups before the status")
			.isTrue();
		assertThat(HealthCheck.reportsUp(200, " {\n  \"status\" : \"UP\"\n}\n")).isTrue();
	}

	@Test
	void aComponentsUpOrAnUpWithoutA200DoesNotCount() {
		assertThat(HealthCheck.reportsUp(200,
				"{\"status\":\"OUT_OF_SERVICE\",\"components\":{\"ping\":{\"status\":\"UP\"}}}"))
			.isFalse();
		assertThat(HealthCheck.reportsUp(200, "{\"components\":{\"db\":{\"status\":\"UP\"}}}")).isFalse();
		assertThat(HealthCheck.reportsUp(503, "{\"status\":\"UP\"}")).isFalse();
		assertThat(HealthCheck.reportsUp(200, "{\"status\":\"DOWN\"}")).isFalse();
		assertThat(HealthCheck.reportsUp(200, "{\"status\":\"up\"}")).isFalse();
	}

	@Test
	void anythingButAJsonObjectIsNotUp() {
		assertThat(HealthCheck.reportsUp(200, "")).isFalse();
		assertThat(HealthCheck.reportsUp(200, "UP")).isFalse();
		assertThat(HealthCheck.reportsUp(200, "{\"status\":\"UP\"")).isFalse();
		assertThat(HealthCheck.reportsUp(200, "[\"UP\"]")).isFalse();
		assertThat(HealthCheck.reportsUp(200, "<html>status UP</html>")).isFalse();
	}

}
