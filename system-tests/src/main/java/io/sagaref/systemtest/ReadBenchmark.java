package io.sagaref.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Measures the hottest query, {@code GET /api/orders/{id}}, through the gateway of a
 * running stack: it places orders, waits until each one's view is terminal, then lets a
 * fixed number of clients read random ones of them back to back for a while, and prints
 * reads per second and the latency distribution. Run it once with the read model's
 * in-memory view on (the default) and once with it off
 * ({@code ./run-local --set order-query-service:saga.read-model.cache.enabled=false}).
 *
 * <pre>
 * ./benchmark reads --orders 500 --clients 16 --duration 20s
 * </pre>
 */
public final class ReadBenchmark {

	private ReadBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		String url = option(args, "--url", "http://localhost:8080");
		int orders = Integer.parseInt(option(args, "--orders", "500"));
		int clients = Integer.parseInt(option(args, "--clients", "16"));
		Duration duration = BenchmarkOptions.duration(option(args, "--duration", "20s"));
		Duration warmup = BenchmarkOptions.duration(option(args, "--warmup", "10s"));
		var api = new SagaApi(url);
		List<String> ids = placeOrders(api, orders);
		System.out.printf(Locale.ROOT, "%d orders placed and terminal; warming up %ds%n", ids.size(),
				warmup.toSeconds());
		read(api, ids, clients, warmup);
		Result result = read(api, ids, clients, duration);
		Histogram h = result.latency();
		System.out.printf(Locale.ROOT,
				"reads=%d errors=%d clients=%d duration=%ds reads/s=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
				h.getTotalCount(), result.errors(), clients, duration.toSeconds(),
				h.getTotalCount() / (double) duration.toSeconds(), h.getValueAtPercentile(50) / 1000.0,
				h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
	}

	private static List<String> placeOrders(SagaApi api, int orders) {
		String sku = "READ-" + UUID.randomUUID().toString().substring(0, 8);
		api.createProduct(sku, "1.00", orders);
		String customer = api.createCustomer("Read benchmark", Integer.toString(orders));
		List<String> ids = new ArrayList<>(orders);
		for (int i = 0; i < orders; i++) {
			ids.add(api.placeOrder(customer, sku, 1).json().path("orderId").asString());
		}
		for (String id : ids) {
			api.awaitView(id, "CONFIRMED");
		}
		return ids;
	}

	private static Result read(SagaApi api, List<String> ids, int clients, Duration duration)
			throws InterruptedException {
		Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			threads.add(Thread.ofVirtual().start(() -> {
				while (System.nanoTime() < end) {
					String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
					long start = System.nanoTime();
					HttpResult reply = api.get("/api/orders/" + id);
					latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
					if (reply.status() != 200) {
						errors.incrementAndGet();
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return new Result(latency, errors.get());
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	private record Result(Histogram latency, long errors) {
	}

}
