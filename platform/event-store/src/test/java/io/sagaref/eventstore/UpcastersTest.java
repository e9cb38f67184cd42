package io.sagaref.eventstore;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.sagaref.eventstore.EventStoreTestApplication.upcaster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upcasters chain by type and version and fail loudly when the chain cannot reach the
 * current version.
 */
class UpcastersTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void chainsEveryStepFromTheStoredVersion() {
		var upcasters = new Upcasters(
				List.of(upcaster("T", 2, (d) -> d.put("three", true)), upcaster("T", 1, (d) -> d.put("two", true))));

		var upcast = upcasters.upcast("T", 1, json.readTree("{\"one\":true}"));

		assertThat(upcast.version()).isEqualTo(3);
		assertThat(upcast.data().toString()).isEqualTo("{\"one\":true,\"two\":true,\"three\":true}");
		assertThat(upcasters.currentVersion("T")).isEqualTo(3);
	}

	@Test
	void leavesTheStoredDataAsItWas() {
		var upcasters = new Upcasters(List.of(upcaster("T", 1, (d) -> d.put("two", true))));
		var stored = json.readTree("{\"one\":true}");

		upcasters.upcast("T", 1, stored);

		assertThat(stored.toString()).isEqualTo("{\"one\":true}");
	}

	@Test
	void readsCurrentVersionsAndOtherTypesAsStored() {
		var upcasters = new Upcasters(List.of(upcaster("T", 1, (d) -> d.put("two", true))));
		var data = json.readTree("{\"x\":1}");

		assertThat(upcasters.upcast("T", 2, data)).isEqualTo(new Upcasters.Upcast(2, data));
		assertThat(upcasters.upcast("U", 1, data)).isEqualTo(new Upcasters.Upcast(1, data));
	}

	@Test
	void refusesAChainWithAHole() {
		assertThatThrownBy(() -> new Upcasters(List.of(upcaster("T", 1, (d) -> d), upcaster("T", 3, (d) -> d))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("skip v2");
	}

	@Test
	void refusesTwoUpcastersOfOneStep() {
		assertThatThrownBy(() -> new Upcasters(List.of(upcaster("T", 1, (d) -> d), upcaster("T", 1, (d) -> d))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Two upcasters read T v1");
	}

	@Test
	void failsToReadAnEventOlderThanTheFirstUpcaster() {
		var upcasters = new Upcasters(List.of(upcaster("T", 2, (d) -> d)));

		assertThatThrownBy(() -> upcasters.upcast("T", 1, json.readTree("{}")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Cannot read T v1");
	}

}
