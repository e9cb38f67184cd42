package io.sagaref.gateway;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;

import io.sagaref.testsupport.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.sagaref.gateway.StubBackends.ALL;
import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.LEGACY_MONOLITH;
import static io.sagaref.gateway.StubBackends.NOTIFICATION_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;

/**
 * Base of the gateway's integration tests: the real gateway on a random port in front of
 * real HTTP stub backends, called as an outside client does (the shared
 * {@link ApiClient}). One shared Spring context for all subclasses; every test starts
 * with closed circuit breakers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

	/** Proxied requests time out after this in the tests (40s in production). */
	protected static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);

	/** How long a stub that plays "slow" blocks at most; longer than every timeout. */
	protected static final Duration SLOW = Duration.ofSeconds(15);

	/**
	 * Failed calls that open a source's circuit breaker in the tests (10 in production).
	 */
	protected static final int BREAKER_CALLS = 4;

	/** How long an open breaker stays open in the tests (10s in production). */
	protected static final Duration BREAKER_OPEN = Duration.ofSeconds(1);

	@Autowired
	private CircuitBreakerRegistry breakers;

	@LocalServerPort
	private int port;

	protected ApiClient api;

	/** The gateway's base URL, for a test that needs a client other than {@link #api}. */
	protected String gateway;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("saga.gateway.order-service", ORDER_SERVICE::url);
		registry.add("saga.gateway.payment-service", PAYMENT_SERVICE::url);
		registry.add("saga.gateway.inventory-service", INVENTORY_SERVICE::url);
		registry.add("saga.gateway.order-query-service", ORDER_QUERY_SERVICE::url);
		registry.add("saga.gateway.legacy-monolith", LEGACY_MONOLITH::url);
		registry.add("saga.gateway.notification-service", NOTIFICATION_SERVICE::url);
		registry.add("saga.gateway.response-timeout", RESPONSE_TIMEOUT::toString);
		registry.add("saga.gateway.composition-timeout", () -> "2s");
		// small enough that a test opens a breaker in a few calls and sees it half-open
		// soon
		String breaker = "resilience4j.circuitbreaker.configs.composition-source.";
		registry.add(breaker + "sliding-window-size", () -> BREAKER_CALLS);
		registry.add(breaker + "minimum-number-of-calls", () -> BREAKER_CALLS);
		registry.add(breaker + "wait-duration-in-open-state", BREAKER_OPEN::toString);
		registry.add(breaker + "permitted-number-of-calls-in-half-open-state", () -> 1);
	}

	/**
	 * Blocks a stub's request thread until the test releases it, at most {@link #SLOW}.
	 * @param release the latch the test counts down
	 */
	protected static void block(CountDownLatch release) {
		try {
			release.await(SLOW.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@BeforeEach
	void resetStubsAndClient() {
		ALL.forEach(StubBackend::reset);
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.api = ApiClient.onPort(this.port);
		this.gateway = "http://localhost:" + this.port;
	}

}
