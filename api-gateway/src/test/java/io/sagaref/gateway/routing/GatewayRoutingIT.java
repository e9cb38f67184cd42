package io.sagaref.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.RecordedRequest;
import io.sagaref.gateway.StubBackend;
import io.sagaref.gateway.StubBackends;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import org.springframework.http.HttpMethod;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every public route reaches the service that owns it, with the request intact, and the
 * service's answer comes back unchanged.
 */
class GatewayRoutingIT extends GatewayIntegrationTest {

	private static final String ID = "3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b";

	static Stream<Arguments> publicRoutes() {
		return Stream.of(arguments(HttpMethod.POST, "/api/orders", null, ORDER_SERVICE),
				arguments(HttpMethod.GET, "/api/orders/" + ID + "/status", "waitSeconds=5", ORDER_SERVICE),
				arguments(HttpMethod.POST, "/api/orders/" + ID + "/cancel", null, ORDER_SERVICE),
				arguments(HttpMethod.GET, "/api/orders", "customerId=" + ID + "&status=PENDING&page=1&size=5",
						ORDER_QUERY_SERVICE),
				arguments(HttpMethod.GET, "/api/orders/" + ID, null, ORDER_QUERY_SERVICE),
				arguments(HttpMethod.POST, "/api/customers", null, PAYMENT_SERVICE),
				arguments(HttpMethod.GET, "/api/customers/" + ID, null, PAYMENT_SERVICE),
				arguments(HttpMethod.POST, "/api/customers/" + ID + "/deposits", null, PAYMENT_SERVICE),
				arguments(HttpMethod.POST, "/api/products", null, INVENTORY_SERVICE),
				arguments(HttpMethod.GET, "/api/products/BOOK-1", null, INVENTORY_SERVICE),
				arguments(HttpMethod.GET, "/api/products", "sku=BOOK-1&sku=PEN-2", INVENTORY_SERVICE),
				arguments(HttpMethod.POST, "/api/products/BOOK-1/stock", null, INVENTORY_SERVICE));
	}

	@ParameterizedTest(name = "{0} {1}?{2} -> {3}")
	@MethodSource("publicRoutes")
	void forwardsEachPublicRouteUnchangedToTheServiceThatOwnsIt(HttpMethod method, String path, String query,
			StubBackend owner) throws InterruptedException {
		String body = (method == HttpMethod.POST) ? "{\"name\":\"Ada\",\"amount\":12.50}" : "";
		owner.respond((request) -> StubResponse.json(201, "{\"echo\":\"" + request.method() + "\"}")
			.withHeader("Location", "/somewhere/" + ID)
			.withHeader("X-Backend", "seen"));

		String uri = (query != null) ? path + "?" + query : path;
		Map<String, String> headers = Map.of("Idempotency-Key", "key-42");
		ApiReply reply = (method == HttpMethod.POST) ? this.api.post(uri, body, headers) : this.api.get(uri, headers);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.location()).isEqualTo("/somewhere/" + ID);
		assertThat(reply.header("X-Backend")).isEqualTo("seen");
		assertThat(reply.json().path("echo").asString()).isEqualTo(method.name());
		RecordedRequest received = owner.takeRequest();
		assertThat(received.method()).isEqualTo(method.name());
		assertThat(received.path()).isEqualTo(path);
		assertThat(received.query()).isEqualTo(query);
		assertThat(received.header("Idempotency-Key")).isEqualTo("key-42");
		assertThat(received.body()).isEqualTo(body);
		StubBackends.ALL.stream()
			.filter((other) -> other != owner)
			.forEach((other) -> assertThat(other.receivedRequests()).as(other.toString()).isEmpty());
	}

	@Test
	void passesAcceptedOrderWithLocationOfItsStatusBack() throws InterruptedException {
		String orderId = UUID.randomUUID().toString();
		ORDER_SERVICE
			.respond((request) -> StubResponse.json(202, "{\"orderId\":\"" + orderId + "\",\"status\":\"PENDING\"}")
				.withHeader("Location", "/api/orders/" + orderId + "/status"));

		ApiReply reply = this.api.post("/api/orders",
				"{\"customerId\":\"" + ID + "\",\"lines\":[{\"sku\":\"BOOK-1\",\"quantity\":2}]}",
				Map.of("Idempotency-Key", "order-key-1"));

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.location()).isEqualTo("/api/orders/" + orderId + "/status");
		assertThat(reply.json().path("orderId").asString()).isEqualTo(orderId);
		assertThat(reply.json().path("status").asString()).isEqualTo("PENDING");
		RecordedRequest received = ORDER_SERVICE.takeRequest();
		assertThat(received.header("Idempotency-Key")).isEqualTo("order-key-1");
		assertThat(received.header("Content-Type")).startsWith("application/json");
		assertThat(received.body()).contains("\"sku\":\"BOOK-1\"");
	}

	@Test
	void passesSeeOtherOfATerminalOrderBackWithoutFollowingIt() throws InterruptedException {
		ORDER_SERVICE.respond((request) -> StubResponse.empty(303).withHeader("Location", "/api/orders/" + ID));

		ApiReply reply = this.api.get("/api/orders/" + ID + "/status?waitSeconds=25");

		assertThat(reply.status()).isEqualTo(303);
		assertThat(reply.location()).isEqualTo("/api/orders/" + ID);
		assertThat(ORDER_SERVICE.takeRequest().query()).isEqualTo("waitSeconds=25");
		assertThat(ORDER_QUERY_SERVICE.receivedRequests()).isEmpty();
	}

	@Test
	void passesProblemOfARefusedCancelThrough() {
		ORDER_SERVICE.respond((request) -> StubResponse.problem(409, "Order " + ID + " is already REJECTED"));

		ApiReply reply = this.api.post("/api/orders/" + ID + "/cancel", "");

		assertProblem(reply, 409, "Order " + ID + " is already REJECTED");
		assertThat(reply.detail()).isEqualTo("Order " + ID + " is already REJECTED");
	}

	static List<String> notPublic() {
		return List.of("GET /internal/orders/" + ID, "POST /internal/replay", "GET /api/internal/outbox",
				"DELETE /api/orders/" + ID, "PUT /api/orders/" + ID + "/status", "GET /nothing-here");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notPublic")
	void answersNotFoundProblemForAnythingThatIsNotPublic(String request) {
		String method = request.substring(0, request.indexOf(' '));
		String path = request.substring(request.indexOf(' ') + 1);

		ApiReply reply = switch (method) {
			case "GET" -> this.api.get(path);
			case "POST" -> this.api.post(path, "");
			case "PUT" -> this.api.put(path, "");
			case "DELETE" -> this.api.delete(path);
			default -> throw new IllegalArgumentException(method);
		};

		assertProblem(reply, 404, "No public endpoint for " + method + " " + path);
		assertThat(reply.detail()).isEqualTo("No public endpoint for " + method + " " + path);
		assertThat(reply.json().has("trace")).isFalse();
		StubBackends.ALL.forEach((backend) -> assertThat(backend.receivedRequests()).isEmpty());
	}

}
