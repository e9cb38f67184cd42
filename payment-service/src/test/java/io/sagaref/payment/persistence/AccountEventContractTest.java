package io.sagaref.payment.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sagaref.eventstore.EventMetadata;
import io.sagaref.eventstore.EventUpcaster;
import io.sagaref.eventstore.LogPosition;
import io.sagaref.eventstore.NewEvent;
import io.sagaref.eventstore.StoredEvent;
import io.sagaref.payment.RecordedAccountEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The account events the service stores keep to their contract
 * ({@code contracts/store/account/<Type>.v<n>.json}, the example {@code data} of every
 * version): each current version's example reads into the domain's event and is written
 * back exactly as it was, nothing newer than what the code writes has an example, and
 * every older example upcasts to the next one.
 */
class AccountEventContractTest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final List<EventUpcaster> UPCASTERS = List.of(new AccountOpenedUpcaster());

	private final AccountEvents events = new AccountEvents(JSON);

	@Test
	void writesEveryEventAsTheExampleOfItsCurrentVersion() {
		AccountEvents.TYPES.forEach((type, current) -> {
			JsonNode example = example(type, current.version());
			assertThat(example).as("example of %s v%d", type, current.version()).isNotNull();

			RecordedAccountEvent read = this.events.toRecorded(stored(type, current.version(), example));
			NewEvent written = this.events.toNew(read.event());

			assertThat(read.event()).isInstanceOf(current.eventClass());
			assertThat(written.type()).isEqualTo(type);
			assertThat(written.version()).isEqualTo(current.version());
			assertThat(written.publication()).as("account events stay in the store").isNull();
			JsonNode data = JSON.valueToTree(written.data());
			assertThat(data).as(type).isEqualTo(example);
			assertThat(example(type, current.version() + 1)).as("an example newer than %s writes", type).isNull();
		});
	}

	@Test
	void upcastsEveryOlderExampleToTheNextVersion() {
		AccountEvents.TYPES.forEach((type, current) -> {
			for (int version = 1; version < current.version(); version++) {
				EventUpcaster upcaster = upcaster(type, version);
				assertThat(upcaster).as("upcaster of %s v%d", type, version).isNotNull();
				ObjectNode older = (ObjectNode) example(type, version).deepCopy();

				assertThat(upcaster.upcast(older)).as("%s v%d upcast", type, version)
					.isEqualTo(example(type, version + 1));
			}
		});
		assertThat(UPCASTERS).allSatisfy((upcaster) -> assertThat(upcaster.fromVersion())
			.isLessThan(AccountEvents.TYPES.get(upcaster.type()).version()));
	}

	@Test
	void refusesAnOlderVersionNoUpcasterReached() {
		StoredEvent v1 = stored("AccountOpened", 1, example("AccountOpened", 1));

		assertThatIllegalStateException().isThrownBy(() -> this.events.toRecorded(v1))
			.withMessageContaining("version 1");
	}

	private static @Nullable EventUpcaster upcaster(String type, int version) {
		return UPCASTERS.stream()
			.filter((upcaster) -> upcaster.type().equals(type) && upcaster.fromVersion() == version)
			.findFirst()
			.orElse(null);
	}

	private static StoredEvent stored(String type, int version, JsonNode data) {
		return new StoredEvent(LogPosition.START, AccountEvents.STREAM_TYPE, UUID.randomUUID().toString(), 1,
				UUID.randomUUID(), type, version, data, EventMetadata.correlatedBy("test"), Instant.now());
	}

	private static @Nullable JsonNode example(String type, int version) {
		String path = "contracts/store/account/" + type + ".v" + version + ".json";
		try (InputStream in = AccountEventContractTest.class.getClassLoader().getResourceAsStream(path)) {
			return (in != null) ? JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
