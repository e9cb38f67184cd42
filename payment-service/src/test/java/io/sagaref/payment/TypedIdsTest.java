package io.sagaref.payment;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TypedIdsTest {

	private static final String ID = "8d4e2f10-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

	@Test
	void readAndWriteTheirUuid() {
		assertThat(CustomerId.of(ID)).isEqualTo(new CustomerId(UUID.fromString(ID))).hasToString(ID);
		assertThat(OrderId.of(ID)).isEqualTo(new OrderId(UUID.fromString(ID))).hasToString(ID);
		assertThat(JsonMapper.builder().build().writeValueAsString(OrderId.of(ID))).isEqualTo("\"" + ID + "\"");
	}

	@Test
	void refuseWhatIsNotAUuid() {
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.of("not-a-uuid"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderId.of("not-a-uuid"));
	}

	@Test
	void areNewEachTime() {
		assertThat(CustomerId.random()).isNotEqualTo(CustomerId.random());
		assertThat(OrderId.random()).isNotEqualTo(OrderId.random());
	}

}
