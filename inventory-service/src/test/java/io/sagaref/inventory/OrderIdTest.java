package io.sagaref.inventory;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderIdTest {

	@Test
	void isAUuidWrittenAsItsText() {
		UUID value = UUID.randomUUID();

		OrderId orderId = OrderId.of(value.toString());

		assertThat(orderId.value()).isEqualTo(value);
		assertThat(orderId).isEqualTo(new OrderId(value)).hasToString(value.toString());
		assertThat(JsonMapper.builder().build().writeValueAsString(orderId)).isEqualTo("\"" + value + "\"");
	}

	@Test
	void refusesTextThatIsNoUuidAndEachRandomIdIsNew() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrderId.of("not-a-uuid"));
		assertThat(OrderId.random()).isNotEqualTo(OrderId.random());
	}

}
