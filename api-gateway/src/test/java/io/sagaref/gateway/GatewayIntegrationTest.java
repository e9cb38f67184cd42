package io.sagaref.gateway;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;

import io.sagaref.testsupport.ApiClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.sagaref.gateway.StubBackends.ALL;
import static io.sagaref.gateway.StubBackends.INVENTORY_SERVICE;
import static io.sagaref.gateway.StubBackends.NOTIFICATION_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_QUERY_SERVICE;
import static io.sagaref.gateway.StubBackends.ORDER_SERVICE;
import static io.sagaref.gateway.StubBackends.PAYMENT_SERVICE;

/**
 * Base of the gateway's integration tests: the real gateway on a random port in front of
 * real HTTP stub backends, called as an outside client does (the shared
 * {@link ApiClient}). One shared Spring context for all subclasses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

	/** Proxied requests time out after this in the tests (40s in production). */
	protected static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(3);

	/** How long a stub that plays "slow" blocks at most; longer than every timeout. */
	protected static final Duration SLOW = Duration.ofSeconds(15);

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
		registry.add("saga.gateway.notification-service", NOTIFICATION_SERVICE::url);
		registry.add("saga.gateway.response-timeout", RESPONSE_TIMEOUT::toString);
		registry.add("saga.gateway.composition-timeout", () -> "2s");
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
		this.api = ApiClient.onPort(this.port);
		this.gateway = "http://localhost:" + this.port;
	}

}
