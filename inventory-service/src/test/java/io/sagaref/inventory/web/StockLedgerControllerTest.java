package io.sagaref.inventory.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.sagaref.inventory.Money;
import io.sagaref.inventory.OrderId;
import io.sagaref.inventory.Product;
import io.sagaref.inventory.Reservation;
import io.sagaref.inventory.ReservationLine;
import io.sagaref.inventory.application.ProductService;
import io.sagaref.inventory.application.StockLedgerLine;
import io.sagaref.testsupport.Problems;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The internal stock ledger without a database: its shape, and a problem for anything but
 * a read.
 */
@WebMvcTest({ ProductController.class, StockLedgerController.class })
class StockLedgerControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ProductService products;

	@Test
	void showsEachProductsStockNextToWhatItsOrdersHold() {
		Product book = Product.register("BOOK-1", "Refactoring", Money.of("12.50"), 10);
		Reservation.reserve(OrderId.random(), List.of(new ReservationLine("BOOK-1", 3)), Map.of("BOOK-1", book));
		given(this.products.ledger()).willReturn(List.of(new StockLedgerLine(book, 3)));

		MvcTestResult result = this.mvc.get().uri("/internal/stock-ledger").exchange();

		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.isEqualTo("[{\"sku\":\"BOOK-1\",\"available\":7,\"reserved\":3,\"received\":10,\"reservedByOrders\":3}]");
	}

	@Test
	void refusesAnythingButARead() {
		for (String method : List.of("POST", "PUT", "DELETE")) {
			MvcTestResult result = this.mvc.method(HttpMethod.valueOf(method))
				.uri("/internal/stock-ledger")
				.contentType(MediaType.APPLICATION_JSON)
				.content("[]")
				.exchange();

			Problems.assertProblem(result.getResponse().getStatus(),
					String.valueOf(result.getResponse().getContentType()),
					new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), 405,
					"Method '" + method + "' is not supported");
		}
		verifyNoInteractions(this.products);
	}

}
