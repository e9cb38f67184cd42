package io.sagaref.orderquery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sagaref.orderquery.application.ReadModelProgress;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How current the read model is, as every answer says ({@code Read-Model-As-Of}) and as
 * the projection's lag gauge shows.
 */
class ReadModelCurrencyIT extends OrderQueryServiceIntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	OrderViews views;

	@Test
	void everyAnswerSaysWhenTheNewestStoredEventHappened() {
		// later than anything else sent in this run
		Instant newest = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		Saga saga = new Saga(java.util.UUID.randomUUID(), newest.minusMillis(1));
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		String single = this.api.get("/api/orders/" + saga.orderId).header("Read-Model-As-Of");
		String page = this.api.get("/api/orders?customerId=" + saga.customerId).header("Read-Model-As-Of");
		String notFound = this.api.get("/api/orders/" + java.util.UUID.randomUUID()).header("Read-Model-As-Of");

		assertThat(single).isEqualTo(newest.toString());
		assertThat(page).isEqualTo(newest.toString());
		assertThat(notFound).isEqualTo(newest.toString());
		assertThat(new ReadModelProgress(this.views, new SimpleMeterRegistry()).asOf())
			.as("a restarted instance reads it from the store")
			.contains(newest);
	}

	@Test
	void theLagGaugeIsTheAgeOfTheLastAppliedEventWhenItWasApplied() {
		Saga saga = new Saga(java.util.UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.HOURS));
		send(saga.placed());
		awaitView(saga.orderId, hasTimelineOf(1));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.meters.get(ReadModelProgress.LAG).gauge().value()).isBetween(3600.0,
					3600.0 + 60));
		assertThat(this.meters.get(ReadModelProgress.LAG).gauge().getId().getBaseUnit()).isEqualTo("seconds");
	}

}
