package io.sagaref.gateway.routing;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.gateway.RecordedRequest;
import io.sagaref.gateway.StubBackend;
import io.sagaref.gateway.StubBackends;
import io.sagaref.gateway.StubResponse;
import io.sagaref.testsupport.ApiReply;

import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The public API's documentation is served by the gateway: each service's OpenAPI
 * document under {@code /v3/api-docs/<service>}, the gateway's own (the overview), and a
 * Swagger UI that lists them all.
 */
class ApiDocsIT extends GatewayIntegrationTest {

	static Stream<Arguments> services() {
		return Stream.of(arguments("order-service", ORDER_SERVICE), arguments("payment-service", PAYMENT_SERVICE),
				arguments("inventory-service", INVENTORY_SERVICE),
				arguments("order-query-service", ORDER_QUERY_SERVICE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("services")
	void servesEachServicesOpenApiDocument(String service, StubBackend owner) throws InterruptedException {
		String document = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\"},\"paths\":{}}";
		owner.respond((request) -> StubResponse.json(200, document));

		ApiReply reply = this.api.get("/v3/api-docs/" + service);

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().at("/info/title").asString()).isEqualTo(service);
		RecordedRequest received = owner.takeRequest();
		assertThat(received.path()).isEqualTo("/v3/api-docs");
		StubBackends.ALL.stream()
			.filter((other) -> other != owner)
			.forEach((other) -> assertThat(other.receivedRequests()).isEmpty());
	}

	@Test
	void servesItsOwnDocumentWithTheComposedOverview() {
		ApiReply reply = this.api.get("/v3/api-docs/api-gateway");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("paths").has("/api/customers/{customerId}/overview")).isTrue();
	}

	@Test
	void listsEveryDocumentInTheSwaggerUi() {
		ApiReply config = this.api.get("/v3/api-docs/api-gateway/swagger-config");

		assertThat(config.status()).isEqualTo(200);
		JsonNode urls = config.json().path("urls");
		assertThat(urls.values().stream().map((url) -> url.path("url").asString()).toList()).containsExactlyInAnyOrder(
				"/v3/api-docs/order-service", "/v3/api-docs/payment-service", "/v3/api-docs/inventory-service",
				"/v3/api-docs/order-query-service", "/v3/api-docs/api-gateway");
		ApiReply welcome = this.api.get("/swagger-ui.html");
		assertThat(welcome.status()).isEqualTo(302);
		assertThat(welcome.location()).isEqualTo("/swagger-ui/index.html");
		ApiReply ui = this.api.get(welcome.location());
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.body()).contains("<html");
	}

}
