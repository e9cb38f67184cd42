package io.sagaref.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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
import static io.sagaref.gateway.StubBackends.NOTIFICATION_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static io.sagaref.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every public route reaches the service that owns it, with the request intact, and the
 * service's answer comes back unchanged (the consistency headers and streamed bodies
 * included). The event log is the one internal endpoint published, under its own path;
 * every other internal path stays unreachable.
 */
class GatewayRoutingIT extends GatewayIntegrationTest {

	private static final String ID = "3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b";

	private static final String ENTRY = "9b1d7c3e-2a4f-4e6b-8c0d-1e2f3a4b5c6d";

	/** A Read-Token as the services issue it: base64url of {@code source:id:version}. */
	private static final String TOKEN = Base64.getUrlEncoder()
		.withoutPadding()
		.encodeToString(("order-service:" + ID + ":3").getBytes(StandardCharsets.UTF_8));

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
				arguments(HttpMethod.POST, "/api/products/BOOK-1/stock", null, INVENTORY_SERVICE),
				arguments(HttpMethod.GET, "/api/orders/" + ID + "/events", null, ORDER_SERVICE),
				arguments(HttpMethod.GET, "/api/orders/" + ID, "asOf=2026-03-01T10:15:30.123Z", ORDER_QUERY_SERVICE),
				arguments(HttpMethod.GET, "/api/orders/" + ID, "asOf=2026-03-01T11:15:30%2B01:00&readToken=" + TOKEN,
						ORDER_QUERY_SERVICE),
				arguments(HttpMethod.GET, "/api/orders", "customerId=" + ID + "&readToken=" + TOKEN,
						ORDER_QUERY_SERVICE),
				arguments(HttpMethod.GET, "/api/customers/" + ID, "asOf=2026-03-01T10:15:30Z&readToken=" + TOKEN,
						PAYMENT_SERVICE),
				arguments(HttpMethod.GET, "/api/customers/" + ID + "/ledger", "readToken=" + TOKEN, PAYMENT_SERVICE),
				arguments(HttpMethod.POST, "/api/customers/" + ID + "/ledger/" + ENTRY + "/reversal", null,
						PAYMENT_SERVICE),
				arguments(HttpMethod.GET, "/api/products/BOOK-1", "readToken=" + TOKEN, INVENTORY_SERVICE),
				arguments(HttpMethod.POST, "/api/admin/read-model/rebuild", null, ORDER_QUERY_SERVICE),
				arguments(HttpMethod.GET, "/api/admin/read-model/rebuilds/" + ENTRY, null, ORDER_QUERY_SERVICE),
				arguments(HttpMethod.POST, "/api/customers/" + ID + "/webhooks", null, NOTIFICATION_SERVICE),
				arguments(HttpMethod.GET, "/api/customers/" + ID + "/webhooks", null, NOTIFICATION_SERVICE),
				arguments(HttpMethod.GET, "/api/customers/" + ID + "/webhooks/" + ENTRY + "/deliveries", null,
						NOTIFICATION_SERVICE),
				arguments(HttpMethod.POST,
						"/api/customers/" + ID + "/webhooks/" + ENTRY + "/deliveries/" + ENTRY + "/retry", null,
						NOTIFICATION_SERVICE));
	}

	@ParameterizedTest(name = "{0} {1}?{2} -> {3}")
	@MethodSource("publicRoutes")
	void forwardsEachPublicRouteUnchangedToTheServiceThatOwnsIt(HttpMethod method, String path, String query,
			StubBackend owner) throws InterruptedException {
		String body = (method == HttpMethod.POST) ? "{\"name\":\"Ada\",\"amount\":12.50}" : "";
		owner.respond((request) -> StubResponse.json(201, "{\"echo\":\"" + request.method() + "\"}")
			.withHeader("Location", "/somewhere/" + ID)
			.withHeader("X-Backend", "seen")
			.withHeader("Read-Token", TOKEN)
			.withHeader("Read-Model-As-Of", "2026-03-01T10:15:30.123456Z")
			.withHeader("Retry-After", "1")
			.withHeader("Event-Log-Next", "812-4711"));

		String uri = (query != null) ? path + "?" + query : path;
		Map<String, String> headers = Map.of("Idempotency-Key", "key-42");
		ApiReply reply = (method == HttpMethod.POST) ? this.api.post(uri, body, headers) : this.api.get(uri, headers);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.location()).isEqualTo("/somewhere/" + ID);
		assertThat(reply.header("X-Backend")).isEqualTo("seen");
		assertThat(reply.header("Read-Token")).isEqualTo(TOKEN);
		assertThat(reply.header("Read-Model-As-Of")).isEqualTo("2026-03-01T10:15:30.123456Z");
		assertThat(reply.header("Retry-After")).isEqualTo("1");
		assertThat(reply.header("Event-Log-Next")).isEqualTo("812-4711");
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

	static Stream<Arguments> eventLogs() {
		return Stream.of(arguments("order-service", ORDER_SERVICE), arguments("payment-service", PAYMENT_SERVICE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eventLogs")
	void publishesTheEventLogOfAnEventSourcedServiceKeepingTheQuery(String service, StubBackend owner)
			throws InterruptedException {
		String lines = "{\"id\":\"e-1\",\"position\":\"812-4710\"}\n{\"id\":\"e-2\",\"position\":\"812-4711\"}\n";
		owner.respond((request) -> new StubResponse(200, Map.of("Content-Type", "application/x-ndjson"), lines, null)
			.withHeader("Event-Log-Next", "812-4711"));

		ApiReply reply = this.api.get("/api/admin/event-log/" + service + "?after=812-4709&limit=2");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/x-ndjson");
		assertThat(reply.header("Event-Log-Next")).isEqualTo("812-4711");
		assertThat(reply.body()).isEqualTo(lines);
		RecordedRequest received = owner.takeRequest();
		assertThat(received.method()).isEqualTo("GET");
		assertThat(received.path()).isEqualTo("/internal/event-log");
		assertThat(received.query()).isEqualTo("after=812-4709&limit=2");
		StubBackends.ALL.stream()
			.filter((other) -> other != owner)
			.forEach((other) -> assertThat(other.receivedRequests()).as(other.toString()).isEmpty());
	}

	@Test
	void asksForTheWholeEventLogWhenTheClientGivesNoQuery() throws InterruptedException {
		ORDER_SERVICE
			.respond((request) -> new StubResponse(200, Map.of("Content-Type", "application/x-ndjson"), "", null));

		assertThat(this.api.get("/api/admin/event-log/order-service").status()).isEqualTo(200);

		RecordedRequest received = ORDER_SERVICE.takeRequest();
		assertThat(received.path()).isEqualTo("/internal/event-log");
		assertThat(received.query()).isNull();
	}

	/**
	 * The stub sends the first line, then waits for the client to have it before it sends
	 * the second: a gateway that buffered the body would hand the client nothing until
	 * the stub gave up waiting and wrote both.
	 */
	@Test
	void streamsAnNdjsonAnswerLineByLine() throws Exception {
		CountDownLatch firstLineRead = new CountDownLatch(1);
		AtomicBoolean secondLineWritten = new AtomicBoolean();
		ORDER_SERVICE.respond((request) -> StubResponse.streamed(200, "application/x-ndjson", (body) -> {
			body.write("{\"id\":\"e-1\"}\n".getBytes(StandardCharsets.UTF_8));
			body.flush();
			block(firstLineRead);
			secondLineWritten.set(true);
			body.write("{\"id\":\"e-2\"}\n".getBytes(StandardCharsets.UTF_8));
		}));
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/admin/event-log/order-service"))
			.build();

		HttpResponse<Stream<String>> response = http.send(request, BodyHandlers.ofLines());

		assertThat(response.statusCode()).isEqualTo(200);
		Iterator<String> lines = response.body().iterator();
		assertThat(lines.next()).isEqualTo("{\"id\":\"e-1\"}");
		assertThat(secondLineWritten).as("the first line arrived before the second was written").isFalse();
		firstLineRead.countDown();
		assertThat(lines.next()).isEqualTo("{\"id\":\"e-2\"}");
		assertThat(lines.hasNext()).isFalse();
	}

	@Test
	void passesANotYetCurrentViewBackWithItsRetryAfter() {
		ORDER_QUERY_SERVICE.respond((request) -> StubResponse.problem(503, "The view does not include the write yet")
			.withHeader("Retry-After", "1"));

		ApiReply reply = this.api.get("/api/orders/" + ID + "?readToken=" + TOKEN);

		assertProblem(reply, 503, "The view does not include the write yet");
		assertThat(reply.header("Retry-After")).isEqualTo("1");
	}

	@Test
	void passesTheStartedRebuildWithTheLocationOfItsStatusBack() throws InterruptedException {
		ORDER_QUERY_SERVICE
			.respond((request) -> StubResponse.json(202, "{\"rebuildId\":\"" + ENTRY + "\",\"status\":\"RUNNING\"}")
				.withHeader("Location", "/api/admin/read-model/rebuilds/" + ENTRY));

		ApiReply reply = this.api.post("/api/admin/read-model/rebuild", "");

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.location()).isEqualTo("/api/admin/read-model/rebuilds/" + ENTRY);
		assertThat(reply.json().path("status").asString()).isEqualTo("RUNNING");
		assertThat(ORDER_QUERY_SERVICE.takeRequest().path()).isEqualTo("/api/admin/read-model/rebuild");
	}

	static List<String> notPublic() {
		return List.of("GET /internal/orders/" + ID, "POST /internal/replay", "GET /api/internal/outbox",
				"DELETE /api/orders/" + ID, "PUT /api/orders/" + ID + "/status", "GET /nothing-here",
				"GET /internal/event-log", "GET /internal/orders/" + ID + "?asOf=2026-03-01T10:15:30Z",
				"POST /internal/admin/rebuild-state", "GET /internal/stock-ledger",
				"GET /api/admin/event-log/inventory-service", "GET /api/admin/event-log/order-query-service",
				"GET /api/admin/event-log/unknown-service", "GET /api/admin/event-log",
				"GET /api/admin/event-log/order-service/more", "POST /api/admin/event-log/order-service",
				"POST /api/orders/" + ID + "/events", "GET /api/admin/read-model/rebuild",
				"POST /api/admin/read-model/rebuilds/" + ENTRY, "DELETE /api/admin/read-model/rebuilds/" + ENTRY,
				"GET /api/admin/read-model/status", "POST /api/admin/rebuild-state");
	}

	/**
	 * Paths that match a public route as sent but that a backend could resolve to one of
	 * its internal endpoints (Tomcat removes {@code ;} parameters and dot segments).
	 */
	static List<String> notPlain() {
		return List.of("/api/products/../../internal/stock-ledger", "/api/products/%2e%2e/%2E%2E/internal/stock-ledger",
				"/api/products/..%2F..%2Finternal%2Fstock-ledger", "/api/products/BOOK-1%5C..%5C..%5Cinternal",
				"/api/customers/" + ID + "/..;/..;/..;/internal/event-log", "/api/customers/" + ID + ";x=1/ledger",
				"/api/products/./BOOK-1", "/api/orders/" + ID + "%2F..%2F..%2F..%2Finternal%2Fevent-log/events",
				"/api/admin/event-log/order-service/..");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notPlain")
	void answersNotFoundProblemForAPathABackendCouldResolveToAnotherOne(String path) {
		ApiReply reply = this.api.get(path);

		assertProblem(reply, 404, "No public endpoint for GET " + path);
		assertThat(reply.detail()).isEqualTo("No public endpoint for GET " + path);
		StubBackends.ALL.forEach((backend) -> assertThat(backend.receivedRequests()).isEmpty());
	}

	@Test
	void stillRoutesASkuWithDotsInIt() throws InterruptedException {
		INVENTORY_SERVICE.respond((request) -> StubResponse.json(200, "{\"sku\":\"BOOK.v2..1\"}"));

		assertThat(this.api.get("/api/products/BOOK.v2..1").status()).isEqualTo(200);
		assertThat(INVENTORY_SERVICE.takeRequest().path()).isEqualTo("/api/products/BOOK.v2..1");
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

		String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		assertProblem(reply, 404, "No public endpoint for " + method + " " + withoutQuery);
		assertThat(reply.detail()).isEqualTo("No public endpoint for " + method + " " + withoutQuery);
		assertThat(reply.json().has("trace")).isFalse();
		StubBackends.ALL.forEach((backend) -> assertThat(backend.receivedRequests()).isEmpty());
	}

}
