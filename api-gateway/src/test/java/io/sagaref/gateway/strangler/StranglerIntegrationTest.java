package io.sagaref.gateway.strangler;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

import io.sagaref.gateway.GatewayIntegrationTest;
import io.sagaref.testsupport.ApiReply;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the strangler's tests: the products route set through the admin endpoint as an
 * operator does, put back to its configured setting afterwards, and the strangler's
 * metrics and mismatch log lines at hand.
 */
abstract class StranglerIntegrationTest extends GatewayIntegrationTest {

	protected static final String ROUTE = "/api/admin/strangler/routes/products";

	@Autowired
	private MeterRegistry meters;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void watchMismatchLog() {
		this.log.start();
		((Logger) LoggerFactory.getLogger(ShadowComparisons.class)).addAppender(this.log);
	}

	@AfterEach
	void restoreConfiguredSetting() {
		((Logger) LoggerFactory.getLogger(ShadowComparisons.class)).detachAppender(this.log);
		this.api.put(ROUTE, "{\"newWeight\": 100, \"mode\": \"SPLIT\"}");
	}

	protected void setRoute(int newWeight, String mode) {
		ApiReply reply = this.api.put(ROUTE, "{\"newWeight\": %d, \"mode\": \"%s\"}".formatted(newWeight, mode));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	protected double requests(String target) {
		Counter counter = this.meters.find("gateway.strangler.requests")
			.tags("route", "products", "target", target)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	protected double comparisons(String outcome) {
		Counter counter = this.meters.find(ShadowComparisons.METRIC)
			.tags("route", "products", "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	protected List<String> mismatchLines() {
		return this.log.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter((line) -> line.startsWith("Shadow mismatch"))
			.toList();
	}

}
