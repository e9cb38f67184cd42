package io.sagaref.systemtest;

import java.nio.file.Path;
import java.util.UUID;

import io.sagaref.localstack.LocalStack;
import io.sagaref.localstack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every system test class starts from: the whole system as the local stack runs it
 * (all five services in their own processes on real Postgres and Kafka), a client of the
 * gateway's public API and the invariant checks. One stack per test class.
 */
abstract class WholeSystemTest {

	/**
	 * The gateway's per-client limit, off in system tests: every test client is one
	 * address, and the tests measure the saga, not the limit (RateLimitIT does that).
	 */
	static final String RATE_LIMIT = "saga.gateway.rate-limit.enabled";

	static LocalStack stack;

	static SagaApi api;

	static Invariants invariants;

	@BeforeAll
	static void startTheWholeSystem() {
		stack = LocalStack.start(StackOptions.forTests(Path.of(System.getProperty("saga.repo.root", "..")))
			.withServiceProperty("api-gateway", RATE_LIMIT, "false"));
		api = new SagaApi(stack.gatewayUrl());
		invariants = new Invariants(stack.service("payment-service").url(), stack.service("inventory-service").url(),
				stack.service("order-service").url());
	}

	@AfterAll
	static void stopIt() {
		if (stack != null) {
			stack.close();
		}
	}

	static String newSku() {
		return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
