package io.sagaref.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts the house error shape: an {@code application/problem+json} body (RFC 9457)
 * whose {@code status} repeats the HTTP status and whose {@code detail} says what was
 * wrong. The same assertion serves integration tests ({@link ApiReply}) and web slice
 * tests (status, content type and body as MockMvc hands them out).
 */
public final class Problems {

	/** The problem document media type. */
	public static final String MEDIA_TYPE = "application/problem+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/**
	 * @param reply the answer
	 * @param status the status expected
	 * @param detailContains text the detail must contain
	 */
	public static void assertProblem(ApiReply reply, int status, String detailContains) {
		assertProblem(reply.status(), reply.contentType(), reply.body(), status, detailContains);
	}

	/**
	 * @param actualStatus the status received
	 * @param contentType the content type received (parameters are ignored)
	 * @param body the body received
	 * @param status the status expected
	 * @param detailContains text the detail must contain
	 */
	public static void assertProblem(int actualStatus, String contentType, String body, int status,
			String detailContains) {
		assertThat(actualStatus).as("status of %s", body).isEqualTo(status);
		assertThat(contentType).as("content type of %s", body).startsWith(MEDIA_TYPE);
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("status").asInt()).as("status in %s", body).isEqualTo(status);
		assertThat(problem.path("title").asString("")).as("title in %s", body).isNotBlank();
		assertThat(problem.path("detail").asString("")).as("detail in %s", body).contains(detailContains);
	}

}
