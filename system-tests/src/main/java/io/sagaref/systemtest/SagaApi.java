package io.sagaref.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The public HTTP API as a client sees it through the gateway, with the few steps every
 * scenario repeats. Redirects are not followed, so a test sees the 303 of a finished
 * saga.
 */
public final class SagaApi {

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public SagaApi(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public HttpResult get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public HttpResult post(String path, String json) {
		return post(path, json, Map.of());
	}

	public HttpResult post(String path, String json, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request);
	}

	/**
	 * Opens an account.
	 * @param name the customer's name
	 * @param balance the initial balance as a decimal string
	 * @return the customer id
	 */
	public String createCustomer(String name, String balance) {
		HttpResult created = post("/api/customers",
				"{\"name\": \"" + name + "\", \"initialBalance\": " + balance + "}");
		expect(created, 201);
		return created.json().path("customerId").asString();
	}

	/**
	 * Registers a product.
	 * @param sku the sku
	 * @param price the unit price as a decimal string
	 * @param stock the initial stock
	 */
	public void createProduct(String sku, String price, int stock) {
		expect(post("/api/products", "{\"sku\": \"" + sku + "\", \"name\": \"Product " + sku + "\", \"price\": " + price
				+ ", \"stock\": " + stock + "}"), 201);
	}

	/**
	 * Places a one-line order, waiting while order-service's catalog replica has not yet
	 * seen a product that was just registered.
	 * @param customerId the customer
	 * @param sku the product
	 * @param quantity the quantity
	 * @return the accepted order's answer (202)
	 */
	public HttpResult placeOrder(String customerId, String sku, int quantity) {
		String body = "{\"customerId\": \"" + customerId + "\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": "
				+ quantity + "}]}";
		HttpResult result = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> post("/api/orders", body), (r) -> !(r.status() == 422 && r.body().contains(sku)));
		expect(result, 202);
		return result;
	}

	/**
	 * Long-polls the status resource until the saga ends.
	 * @param orderId the order
	 * @return the terminal status
	 */
	public String awaitTerminalStatus(String orderId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResult status = get("/api/orders/" + orderId + "/status?waitSeconds=5");
			if (status.status() == 303) {
				return status.json().path("status").asString();
			}
			expect(status, 200);
		}
		throw new AssertionError("Order " + orderId + " did not finish within 60s");
	}

	/**
	 * Waits until the read model shows the order in a status.
	 * @param orderId the order
	 * @param status the expected status
	 * @return the order view
	 */
	public JsonNode awaitView(String orderId, String status) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> get("/api/orders/" + orderId),
					(view) -> view.status() == 200 && view.json().path("status").asString().equals(status))
			.json();
	}

	private static void expect(HttpResult result, int status) {
		if (result.status() != status) {
			throw new AssertionError("Expected " + status + " but got " + result);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private HttpResult send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(40)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new HttpResult(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
