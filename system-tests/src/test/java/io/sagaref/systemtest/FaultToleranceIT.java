package io.sagaref.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.sagaref.localstack.KafkaProcess;
import io.sagaref.localstack.LocalStack;
import io.sagaref.localstack.PostgresProcess;
import io.sagaref.localstack.ServiceProcess;
import io.sagaref.localstack.StackOptions;
import io.sagaref.localstack.faults.LinkProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaks the running system for real while orders stream in: processes killed with
 * SIGKILL, the broker and the database stopped, network links frozen and slowed, a relay
 * halted between publishing and marking, consumer groups rebalanced. Every event is
 * delivered twice throughout (the relays' publish-twice failpoint). After each fault,
 * every accepted order must reach one terminal state that the read model agrees with, and
 * every invariant must hold. The figures go to target/reliability-report.md (quoted in
 * docs/reliability.md).
 */
class FaultToleranceIT {

	private static final List<String> SERVICES = List.of("payment-service", "inventory-service", "order-service",
			"order-query-service", "api-gateway");

	private static final int ORDERS_PER_SECOND = 20;

	private static final FaultReport report = new FaultReport();

	private static LocalStack stack;

	private static SagaApi api;

	private static Invariants invariants;

	private static TopicWatcher watcher;

	private static final List<String> customers = new ArrayList<>();

	private static final List<String> skus = new ArrayList<>();

	@BeforeAll
	static void startTheSystemWithDuplicateDelivery() {
		Path root = Path.of(System.getProperty("saga.repo.root", ".."));
		// the saga's services only: webhooks and the strangled catalog have tests of
		// their own
		stack = LocalStack.start(StackOptions.forTests(root)
			.withServices(SERVICES.toArray(String[]::new))
			.withServiceProperty("api-gateway", WholeSystemTest.RATE_LIMIT, "false")
			.withProxies()
			.withProperty("saga.messaging.failpoints.publish-twice", "true")
			.withServiceProperty("order-service", "saga.order.deadline", "PT60S"));
		api = new SagaApi(stack.gatewayUrl());
		invariants = new Invariants(stack.service("payment-service").url(), stack.service("inventory-service").url(),
				stack.service("order-service").url());
		watcher = TopicWatcher.watch(stack.kafka().bootstrapServers());
		for (int i = 0; i < 8; i++) {
			String sku = "FAULT-" + UUID.randomUUID().toString().substring(0, 8);
			api.createProduct(sku, "3.00", (i == 0) ? 5 : 100_000);
			skus.add(sku);
			customers.add(api.createCustomer("Faulty " + i, (i == 0) ? "10.00" : "1000000.00"));
		}
		api.placeOrder(customers.get(1), skus.get(1), 1);
	}

	/**
	 * Brings back any service a failed test left stopped, so that one failure is reported
	 * once and does not take the tests after it down with it.
	 */
	@BeforeEach
	void everyServiceRuns() {
		for (String service : SERVICES) {
			ServiceProcess process = stack.service(service);
			if (!process.isRunning()) {
				process.start();
			}
		}
	}

	@AfterAll
	static void stopAndReport() {
		report.write(Path.of("target", "reliability-report.md"));
		if (watcher != null) {
			watcher.close();
		}
		if (stack != null) {
			stack.close();
		}
	}

	/**
	 * Runs a stream of orders, breaks something in the middle, repairs it, and checks
	 * that nothing was lost and nothing happened twice.
	 */
	private void survive(String fault, Consumer<OrderStream> breakIt, Runnable repairIt) {
		long duplicatesBefore = watcher.duplicates();
		List<String> accepted;
		int refused;
		long repairedAt;
		try (var stream = OrderStream.start(api, customers, skus, ORDERS_PER_SECOND)) {
			awaitAttempts(stream, ORDERS_PER_SECOND);
			breakIt.accept(stream);
			awaitAttempts(stream, stream.attempts() + 2 * ORDERS_PER_SECOND);
			repairIt.run();
			repairedAt = System.nanoTime();
			awaitAttempts(stream, stream.attempts() + ORDERS_PER_SECOND);
			accepted = stream.accepted();
			refused = stream.refused();
		}
		assertThat(accepted).as("orders accepted during " + fault).isNotEmpty();
		invariants.awaitQuietAndAssertAll(api, accepted);
		Duration recovery = Duration.ofNanos(System.nanoTime() - repairedAt);
		report.add(fault, accepted.size(), refused, 0, watcher.duplicates() - duplicatesBefore, recovery);
	}

	private static void awaitAttempts(OrderStream stream, int attempts) {
		await().atMost(Duration.ofSeconds(60)).until(() -> stream.attempts() >= attempts);
	}

	@Test
	void everySagaFinishesWhenEachServiceIsKilledInTurn() {
		for (String service : SERVICES) {
			ServiceProcess process = stack.service(service);
			survive("kill -9 " + service + ", then restart", (stream) -> process.kill(), process::start);
		}
	}

	@Test
	void nothingIsLostWhileTheBrokerIsDown() {
		KafkaProcess kafka = stack.kafka();
		survive("Kafka stopped, then restarted", (stream) -> kafka.stop(), kafka::start);
	}

	@Test
	void nothingIsLostWhileTheDatabaseIsDown() {
		PostgresProcess postgres = stack.postgres();
		survive("Postgres stopped, then restarted", (stream) -> postgres.stop(), postgres::start);
	}

	@Test
	void frozenAndSlowLinksOnlyDelaySagas() {
		LinkProxy database = stack.databaseLink();
		LinkProxy kafka = stack.kafkaLink();
		survive("link to Postgres frozen", (stream) -> database.freeze(), database::unfreeze);
		survive("link to Kafka frozen", (stream) -> kafka.freeze(), kafka::unfreeze);
		survive("link to Kafka slowed by 200 ms", (stream) -> kafka.slow(Duration.ofMillis(200)), kafka::restore);
	}

	@Test
	void aRelayHaltedBetweenPublishingAndMarkingRepublishesWithoutADoubleEffect() {
		ServiceProcess payments = stack.service("payment-service");
		survive("payment-service halted between publish and mark", (stream) -> {
			payments.restartUntilItHalts(Map.of("saga.messaging.failpoints.halt-after-publish", "2"),
					Duration.ofMinutes(5));
			assertThat(payments.hasExited()).as("payment-service halted itself").isTrue();
		}, payments::start);
	}

	@Test
	void aRebalanceOfTwoInstancesLosesAndDuplicatesNothing() {
		List<ServiceProcess> extras = new ArrayList<>();
		ServiceProcess payments = stack.service("payment-service");
		try {
			survive("second payment and inventory instance joined, then one of each killed", (stream) -> {
				var payment = CompletableFuture.supplyAsync(() -> stack.startExtraInstance("payment-service"));
				var inventory = CompletableFuture.supplyAsync(() -> stack.startExtraInstance("inventory-service"));
				extras.add(payment.join());
				extras.add(inventory.join());
				awaitAttempts(stream, stream.attempts() + ORDERS_PER_SECOND);
				payments.kill();
				extras.get(1).kill();
			}, payments::start);
		}
		finally {
			extras.stream().filter(ServiceProcess::isRunning).forEach(ServiceProcess::kill);
		}
	}

	@Test
	void aSagaWithNoAnswerIsCompensatedAtItsDeadline() {
		ServiceProcess orders = stack.service("order-service");
		ServiceProcess inventory = stack.service("inventory-service");
		orders.restart(Map.of("saga.order.deadline", "PT5S"));
		try {
			inventory.kill();
			String orderId = api.placeOrder(customers.get(2), skus.get(2), 1).json().path("orderId").asString();
			var orderService = new SagaApi(orders.url());
			assertThat(orderService.get("/internal/orders/stuck?olderThan=PT0S").body()).contains(orderId);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> orderService.get("/actuator/metrics/saga.orders.pending")
					.json()
					.path("measurements")
					.path(0)
					.path("value")
					.asDouble() >= 1);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/api/orders/" + orderId + "/status").status() == 303);
			assertThat(orderService.get("/internal/orders/" + orderId).json().path("rejectionReason").asString())
				.isEqualTo("TIMED_OUT");
			inventory.start();
			invariants.awaitQuietAndAssertAll(api, List.of(orderId));
		}
		finally {
			orders.restart();
		}
	}

	@Test
	void exactlyAsManyOrdersSucceedAsTheLastUnitsAllow() {
		String sku = "LAST-" + UUID.randomUUID().toString().substring(0, 8);
		api.createProduct(sku, "1.00", 7);
		List<String> orderIds = placeConcurrently(24, (i) -> customers.get(1 + (i % 7)), sku);
		invariants.awaitQuietAndAssertAll(api, orderIds);
		assertThat(orderIds.stream().filter((id) -> api.awaitTerminalStatus(id).equals("CONFIRMED"))).hasSize(7);
	}

	@Test
	void exactlyAsManyOrdersSucceedAsTheLastFundsAllow() {
		String customer = api.createCustomer("Last funds", "21.00");
		List<String> orderIds = placeConcurrently(20, (i) -> customer, skus.get(4));
		invariants.awaitQuietAndAssertAll(api, orderIds);
		assertThat(orderIds.stream().filter((id) -> api.awaitTerminalStatus(id).equals("CONFIRMED"))).hasSize(7);
		assertThat(api.get("/api/customers/" + customer).json().path("balance").decimalValue())
			.isEqualByComparingTo("0.00");
	}

	@Test
	void cancelsRacingTheSagaEndConsistent() {
		String customer = api.createCustomer("Canceller", "300.00");
		List<String> orderIds = placeConcurrently(30, (i) -> customer, skus.get(5));
		orderIds.parallelStream().forEach((id) -> api.post("/api/orders/" + id + "/cancel", ""));
		invariants.awaitQuietAndAssertAll(api, orderIds);
		long confirmed = orderIds.stream().filter((id) -> api.awaitTerminalStatus(id).equals("CONFIRMED")).count();
		assertThat(confirmed).as("a cancel was accepted for every order, so none may stay confirmed").isZero();
		assertThat(api.get("/api/customers/" + customer).json().path("balance").decimalValue())
			.isEqualByComparingTo("300.00");
	}

	@Test
	void poisonOnEveryTopicIsDeadLetteredListedAndSagasGoOn() {
		String marker = "poison-" + UUID.randomUUID();
		try (var probe = new PoisonProducer(stack.kafka().bootstrapServers())) {
			for (String topic : List.of("orders.events", "payments.events", "inventory.events")) {
				probe.send(topic, marker, "{\"not\": \"an envelope\", \"marker\": \"" + marker + "\"}");
			}
		}
		String orderId = api.placeOrder(customers.get(6), skus.get(6), 1).json().path("orderId").asString();
		assertThat(api.awaitTerminalStatus(orderId)).isEqualTo("CONFIRMED");
		for (String service : List.of("payment-service", "inventory-service", "order-service", "order-query-service")) {
			var admin = new SagaApi(stack.service(service).url());
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(admin.get("/internal/dead-letters").body()).as(service)
					.contains(marker)
					.contains("Not an event envelope"));
		}
		invariants.awaitQuietAndAssertAll(api, List.of(orderId));
	}

	private static List<String> placeConcurrently(int count, java.util.function.IntFunction<String> customer,
			String sku) {
		return java.util.stream.IntStream.range(0, count)
			.parallel()
			.mapToObj((i) -> api.placeOrder(customer.apply(i), sku, 1).json().path("orderId").asString())
			.toList();
	}

}
