package io.sagaref.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's side of the strangler through the gateway: the admin endpoint of the
 * products route and the gateway's strangler metrics.
 */
final class StranglerAdmin {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String gateway;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	StranglerAdmin(String gateway) {
		this.gateway = gateway;
	}

	/**
	 * Sets the products route, as {@code PUT /api/admin/strangler/routes/products} does.
	 * @param newWeight percent to inventory-service
	 * @param mode SPLIT or SHADOW
	 */
	void setProducts(int newWeight, String mode) {
		var request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/admin/strangler/routes/products"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"newWeight\": %d, \"mode\": \"%s\"}".formatted(newWeight, mode)))
			.build();
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	/**
	 * @param outcome match, mismatch, error or skipped
	 * @return the shadow comparisons of the products route with that outcome so far
	 */
	double comparisons(String outcome) {
		return count("gateway.strangler.shadow.comparisons?tag=route:products&tag=outcome:" + outcome);
	}

	private double count(String metric) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(this.gateway + "/actuator/metrics/" + metric)).GET().build());
		if (response.statusCode() == 404) {
			return 0;
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode measurements = JSON.readTree(response.body()).path("measurements");
		for (JsonNode measurement : measurements) {
			if (measurement.path("statistic").asString().equals("COUNT")) {
				return measurement.path("value").asDouble();
			}
		}
		return 0;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
