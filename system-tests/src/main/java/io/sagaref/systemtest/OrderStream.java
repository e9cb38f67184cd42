package io.sagaref.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A steady stream of orders through the gateway while a test breaks things, as clients
 * would keep sending them. Each order is sent on its own virtual thread, so a hanging
 * service slows nothing down. Orders answered 202 are "accepted" and must all finish; any
 * other answer or a connection failure counts as refused (the client would retry).
 */
public final class OrderStream implements AutoCloseable {

	private final SagaApi api;

	private final List<String> customers;

	private final List<String> skus;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger started = new AtomicInteger();

	private OrderStream(SagaApi api, List<String> customers, List<String> skus) {
		this.api = api;
		this.customers = customers;
		this.skus = skus;
	}

	/**
	 * Starts sending.
	 * @param api the gateway
	 * @param customers customers to order for, picked at random
	 * @param skus products to order, picked at random
	 * @param perSecond orders per second
	 * @return the running stream
	 */
	public static OrderStream start(SagaApi api, List<String> customers, List<String> skus, int perSecond) {
		var stream = new OrderStream(api, customers, skus);
		stream.ticker.scheduleAtFixedRate(() -> Thread.ofVirtual().start(stream::placeOne), 0, 1_000_000 / perSecond,
				TimeUnit.MICROSECONDS);
		return stream;
	}

	private void placeOne() {
		this.started.incrementAndGet();
		var random = ThreadLocalRandom.current();
		String customer = this.customers.get(random.nextInt(this.customers.size()));
		String sku = this.skus.get(random.nextInt(this.skus.size()));
		String body = "{\"customerId\": \"" + customer + "\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": "
				+ (1 + random.nextInt(2)) + "}]}";
		try {
			HttpResult result = this.api.post("/api/orders", body);
			if (result.status() == 202) {
				this.accepted.add(result.json().path("orderId").asString());
			}
			else {
				this.refused.incrementAndGet();
			}
		}
		catch (RuntimeException ex) {
			this.refused.incrementAndGet();
		}
		finally {
			this.attempts.incrementAndGet();
		}
	}

	/**
	 * @return how many orders were sent so far, answered or not
	 */
	public int attempts() {
		return this.attempts.get();
	}

	/**
	 * @return the ids of the orders answered 202
	 */
	public List<String> accepted() {
		return List.copyOf(this.accepted);
	}

	/**
	 * @return how many orders were refused or failed to connect
	 */
	public int refused() {
		return this.refused.get();
	}

	/** Stops sending and waits for the answers to orders already sent. */
	@Override
	public void close() {
		this.ticker.shutdownNow();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.attempts.get() == this.started.get());
	}

}
