package io.sagaref.systemtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@link ThroughputBenchmark}, from {@code --name value} pairs.
 *
 * @param url the gateway
 * @param orderUrl order-service (its /internal API, for the invariants)
 * @param paymentUrl payment-service
 * @param inventoryUrl inventory-service
 * @param rates the open-loop arrival rates, orders per second, one phase each
 * @param duration how long each open-loop phase sends
 * @param burst orders of the closed-loop burst (0: no burst)
 * @param burstConcurrency most POSTs in flight during the burst
 * @param customers customers to spread the orders over
 * @param drain how long to wait, after the last send of a phase, for its orders to end
 * @param output where result.json and latency.html go
 * @param smoke a tiny load that checks correctness only
 * @param warmup how long to send 30 orders/s before the first phase, not reported (the
 * stack's JVMs compile the hot paths meanwhile)
 */
record BenchmarkOptions(String url, String orderUrl, String paymentUrl, String inventoryUrl, List<Integer> rates,
		Duration duration, int burst, int burstConcurrency, int customers, Duration drain, Path output, boolean smoke,
		Duration warmup) {

	static final String USAGE = """
			Usage: ./benchmark [options]   (against a running ./run-local stack; see docs/benchmark.md)

			  --url URL                the gateway (default http://localhost:8080)
			  --order-url, --payment-url, --inventory-url URL
			                           the services' /internal APIs, for the invariants (default: gateway port +1, +2, +3)
			  --rates N[,N...]         open-loop arrival rates, orders/s, one phase each (default 30,100)
			  --duration D             how long each open-loop phase sends, e.g. 30s, 2m (default 30s)
			  --burst N                orders of the closed-loop burst, 0 for none (default 3000)
			  --burst-concurrency N    most POSTs in flight during the burst (default 64)
			  --customers N            customers to spread the orders over (default 200)
			  --drain D                how long to wait after a phase's last send (default 90s)
			  --output DIR             where result.json and latency.html go (default system-tests/target/benchmark)
			  --warmup D               30 orders/s for D before the first phase, not reported: the JIT's
			                           first minutes are not the steady state (default 20s, 0s for none)
			  --smoke                  correctness only: 5 orders/s for 5 s and a burst of 50, never judged on time
			""";

	static BenchmarkOptions parse(String[] args) {
		boolean smoke = Arrays.asList(args).contains("--smoke");
		String url = option(args, "--url", "http://localhost:8080");
		int port = URI.create(url).getPort();
		String host = url.substring(0, url.lastIndexOf(':'));
		List<Integer> rates = Arrays.stream(option(args, "--rates", smoke ? "5" : "30,100").split(","))
			.map(String::trim)
			.map(Integer::parseInt)
			.toList();
		return new BenchmarkOptions(url, option(args, "--order-url", host + ":" + (port + 1)),
				option(args, "--payment-url", host + ":" + (port + 2)),
				option(args, "--inventory-url", host + ":" + (port + 3)), rates,
				duration(option(args, "--duration", smoke ? "5s" : "30s")),
				Integer.parseInt(option(args, "--burst", smoke ? "50" : "3000")),
				Integer.parseInt(option(args, "--burst-concurrency", "64")),
				Integer.parseInt(option(args, "--customers", smoke ? "20" : "200")),
				duration(option(args, "--drain", "90s")),
				Path.of(option(args, "--output", "system-tests/target/benchmark")), smoke,
				duration(option(args, "--warmup", smoke ? "0s" : "20s")));
	}

	/**
	 * @param text {@code 30s}, {@code 500ms}, {@code 2m} or a number of seconds
	 * @return the duration
	 */
	static Duration duration(String text) {
		if (text.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
		}
		if (text.endsWith("s")) {
			return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
		}
		if (text.endsWith("m")) {
			return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
		}
		return Duration.ofSeconds(Long.parseLong(text));
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
