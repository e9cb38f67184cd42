package io.sagaref.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.sagaref.testsupport.ApiClient;
import io.sagaref.testsupport.ApiReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The automated log over HTTP: NDJSON lines that are CloudEvents with the store's
 * extension attributes, resumable with {@code Event-Log-Next}, and 400 for a malformed
 * request.
 */
class EventLogExportIT extends EventStoreIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void exportsTheLogAsCloudEventsAndResumesFromTheNextPosition() {
		LogPosition start = endOfLog();
		String id = streamId("export");
		UUID cause = UUID.randomUUID();
		List<StoredEvent> first = append(id, 0, added(1), added(2));
		List<StoredEvent> second = this.tx.execute((s) -> this.store.append(TALLY, id, 2, List.of(added(3)),
				new EventMetadata("order-1", cause, Map.of())));
		await().atMost(Duration.ofSeconds(30)).until(() -> readToTheEnd(start).size(), (n) -> n >= 3);

		ApiReply page = get("/internal/event-log?after=" + start + "&limit=2");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("application/x-ndjson");
		List<JsonNode> lines = lines(page);
		assertThat(lines).hasSize(2);
		JsonNode event = lines.get(0);
		StoredEvent stored = first.get(0);
		assertThat(event.path("specversion").asString()).isEqualTo("1.0");
		assertThat(event.path("id").asString()).isEqualTo(stored.eventId().toString());
		assertThat(event.path("source").asString()).isEqualTo("/event-store-it/tally");
		assertThat(event.path("type").asString()).isEqualTo("Added");
		assertThat(event.path("subject").asString()).isEqualTo(id);
		assertThat(Instant.parse(event.path("time").asString())).isEqualTo(stored.recordedAt());
		assertThat(event.path("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(event.path("data").path("amount").asLong()).isEqualTo(1);
		assertThat(event.path("position").asString()).isEqualTo(stored.position().toString());
		assertThat(event.path("streamtype").asString()).isEqualTo("tally");
		assertThat(event.path("streamversion").asLong()).isEqualTo(1);
		assertThat(event.path("eventversion").asInt()).isEqualTo(2);
		assertThat(event.path("correlationid").asString()).isEqualTo("saga-" + id);
		assertThat(event.has("causationid")).isFalse();
		assertThat(page.header("Event-Log-Next")).isEqualTo(first.get(1).position().toString());

		ApiReply rest = get("/internal/event-log?after=" + page.header("Event-Log-Next"));
		List<JsonNode> remaining = lines(rest);
		assertThat(remaining).extracting((e) -> e.path("id").asString())
			.containsExactly(second.get(0).eventId().toString());
		assertThat(remaining.get(0).path("correlationid").asString()).isEqualTo("order-1");
		assertThat(remaining.get(0).path("causationid").asString()).isEqualTo(cause.toString());
		assertThat(rest.header("Event-Log-Next")).isEqualTo(second.get(0).position().toString());

		ApiReply end = get("/internal/event-log?after=" + rest.header("Event-Log-Next"));
		assertThat(end.status()).isEqualTo(200);
		assertThat(end.body()).isEmpty();
		assertThat(end.header("Event-Log-Next")).isEqualTo(rest.header("Event-Log-Next"));
	}

	@Test
	void startsAtTheBeginningWithoutAPosition() {
		append(streamId("beginning"), 0, added(1));
		ApiReply page = get("/internal/event-log?limit=1");
		assertThat(page.status()).isEqualTo(200);
		assertThat(lines(page)).hasSize(1);
		assertThat(lines(page).get(0).path("position").asString()).isEqualTo(page.header("Event-Log-Next"));
	}

	@Test
	void answersAMalformedPositionOrLimitWith400() {
		for (String query : List.of("after=yesterday", "after=1-", "after=-1-2", "limit=0", "limit=10001")) {
			ApiReply reply = get("/internal/event-log?" + query);
			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.isProblem()).as(query).isTrue();
		}
		assertThat(get("/internal/event-log?after=yesterday").detail()).contains("not a log position");
	}

	private ApiReply get(String path) {
		return ApiClient.onPort(this.port).get(path);
	}

	private static List<JsonNode> lines(ApiReply reply) {
		return Arrays.stream(reply.body().split("\n")).filter((line) -> !line.isBlank()).map(json::readTree).toList();
	}

}
