package io.sagaref.orderquery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.sagaref.embedded.ServiceDatabase;
import io.sagaref.testsupport.KafkaProbe;
import io.sagaref.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * What every integration test of the read model shares: one application context on the
 * shared real Postgres and Kafka, a probe that sends events as the other services would
 * and watches the dead-letter topics, and HTTP helpers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ReadModelIntegrationTest {

	/** Reads decimals exactly, as money must be. */
	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static @Nullable KafkaProbe probe;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, ServiceDatabase.ORDER_QUERY);
	}

	static synchronized KafkaProbe kafka() {
		if (probe == null) {
			probe = KafkaProbe.watch("orders.events.DLT", "payments.events.DLT", "inventory.events.DLT");
		}
		return probe;
	}

	static void send(Saga.Event... events) {
		kafka().sendAll(Arrays.stream(events)
			.map((event) -> new ProducerRecord<>(event.topic(), event.key(), event.json()))
			.toList());
	}

	Response get(String path) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).exchange((request, response) -> {
			String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
			return new Response(response.getStatusCode().value(), response.getHeaders().getContentType(),
					body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
		});
	}

	/**
	 * Polls the order's view until it satisfies the condition.
	 */
	JsonNode awaitView(UUID orderId, Predicate<JsonNode> condition) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> get("/api/orders/" + orderId), (r) -> r.status() == 200 && condition.test(r.body()))
			.body();
	}

	static Predicate<JsonNode> hasTimelineOf(int entries) {
		return (view) -> view.path("timeline").size() == entries;
	}

	static List<String> timelineTypes(JsonNode view) {
		List<String> types = new ArrayList<>();
		view.path("timeline").forEach((entry) -> types.add(entry.path("type").asString()));
		return types;
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param contentType the content type, if any
	 * @param body the body as JSON, empty if none
	 */
	record Response(int status, @Nullable MediaType contentType, JsonNode body) {

		boolean isProblem() {
			return MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(this.contentType);
		}

		String detail() {
			return this.body.path("detail").asString();
		}

	}

}
