package io.sagaref.inventory;

import java.util.List;

import io.sagaref.contracts.EventContracts;
import io.sagaref.inventory.ProductEvent.ProductRegistered;
import io.sagaref.inventory.ProductEvent.StockAdded;
import io.sagaref.inventory.ReservationEvent.StockRejected;
import io.sagaref.inventory.ReservationEvent.StockReleased;
import io.sagaref.inventory.ReservationEvent.StockReserved;
import io.sagaref.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event inventory-service emits, built from the values of the contract's example, is
 * written exactly as the example's payload: same fields, same order, ids as text and
 * money as a number with two decimals. The value objects in the events do not change the
 * wire shape.
 */
class EventPayloadTest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final OrderId ORDER = OrderId.of("3f2a1c9e-5b7d-4e21-9a0f-6c1d2e3f4a5b");

	@Test
	void catalogEventsAreWrittenAsTheContractShowsThem() {
		assertWrittenAsExample(new ProductRegistered("BOOK-1", "Domain-Driven Design", Money.of("12.5"), 10));
		assertWrittenAsExample(new StockAdded("BOOK-1", 5, 15));
	}

	@Test
	void sagaEventsAreWrittenAsTheContractShowsThem() {
		List<ReservationLine> lines = List.of(new ReservationLine("BOOK-1", 2));
		assertWrittenAsExample(new StockReserved(ORDER, lines));
		assertWrittenAsExample(
				new StockRejected(ORDER, StockRejected.Reason.OUT_OF_STOCK, List.of(new Shortage("BOOK-1", 2, 1))));
		assertWrittenAsExample(new StockReleased(ORDER, lines, StockReleased.Reason.ORDER_CANCELLED));
	}

	private static void assertWrittenAsExample(Object event) {
		String type = event.getClass().getSimpleName();
		String example = JSON.writeValueAsString(TestEvents.payloadOf(EventContracts.example(type)));
		assertThat(JSON.writeValueAsString(event)).as(type).isEqualTo(example);
	}

}
