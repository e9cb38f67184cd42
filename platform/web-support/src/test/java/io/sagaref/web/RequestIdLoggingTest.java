package io.sagaref.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that only depends on web-support gets the request id in its log lines and on
 * its answers (the filter comes from the auto-configuration and the log pattern from the
 * environment post-processor, with nothing declared by the application), and an OpenAPI
 * document of its public {@code /api} paths only.
 */
@SpringBootTest(classes = RequestIdLoggingTest.ProbeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLoggingTest {

	@LocalServerPort
	private int port;

	@Test
	void printsTheRequestIdInTheLogLinesOfThatRequestAndEchoesIt(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("from-the-gateway-7");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("from-the-gateway-7");
		assertThat(output.getOut()).containsPattern("\\[from-the-gateway-7\\] .*handling the probe");
	}

	@Test
	void generatesARequestIdForAClientThatSentNone(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get(null);

		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(output.getOut()).contains("[" + id + "] ");
	}

	@Test
	void publishesTheOpenApiDocumentOfThePublicApiPathsOnly() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"openapi\"").contains("\"/api/probes\"").doesNotContain("/probe\"");
	}

	private HttpResponse<String> get(String requestId) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/probe"));
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
	}

	@SpringBootApplication
	@RestController
	static class ProbeApplication {

		private static final Logger log = LoggerFactory.getLogger(ProbeApplication.class);

		@GetMapping("/probe")
		String probe() {
			log.info("handling the probe");
			return "ok";
		}

		@GetMapping("/api/probes")
		String publicProbe() {
			return "public";
		}

	}

}
