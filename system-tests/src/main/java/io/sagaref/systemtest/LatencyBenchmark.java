package io.sagaref.systemtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures the time from {@code POST /api/orders} to the order's terminal status, for
 * orders sent one after another through the gateway of a running system (e.g.
 * {@code ./run-local}). The terminal status is observed through the status resource's
 * long-poll, as a client would.
 *
 * <pre>
 * ./mvnw -q -pl system-tests -am -DskipTests compile exec:java -Dexec.mainClass=io.sagaref.systemtest.LatencyBenchmark \
 *     -Dexec.args="--url http://localhost:8080 --orders 300 --warmup 50"
 * </pre>
 */
public final class LatencyBenchmark {

	private LatencyBenchmark() {
	}

	public static void main(String[] args) {
		String url = option(args, "--url", "http://localhost:8080");
		int orders = Integer.parseInt(option(args, "--orders", "300"));
		int warmup = Integer.parseInt(option(args, "--warmup", "50"));
		var api = new SagaApi(url);
		String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
		api.createProduct(sku, "1.00", orders + warmup);
		String customer = api.createCustomer("Benchmark", Integer.toString(orders + warmup));
		for (int i = 0; i < warmup; i++) {
			once(api, customer, sku);
		}
		List<Long> micros = new ArrayList<>(orders);
		int confirmed = 0;
		for (int i = 0; i < orders; i++) {
			long start = System.nanoTime();
			String status = once(api, customer, sku);
			micros.add((System.nanoTime() - start) / 1_000);
			if (status.equals("CONFIRMED")) {
				confirmed++;
			}
		}
		Collections.sort(micros);
		System.out.printf(Locale.ROOT, "orders=%d confirmed=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n", orders,
				confirmed, percentile(micros, 50), percentile(micros, 90), percentile(micros, 99),
				micros.get(micros.size() - 1) / 1000.0);
	}

	private static String once(SagaApi api, String customer, String sku) {
		String orderId = api.placeOrder(customer, sku, 1).json().path("orderId").asString();
		return api.awaitTerminalStatus(orderId);
	}

	private static double percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(index, 0)) / 1000.0;
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
