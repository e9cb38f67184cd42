package io.sagaref.systemtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load benchmark of a running system (e.g. {@code ./run-local}) through its gateway:
 * open-loop phases at fixed arrival rates, then a closed-loop burst, each measuring the
 * latency from {@code POST /api/orders} to the terminal status in the read model, the
 * completed sagas per second, the outcome of every order, the latency of each saga step
 * (from the view's timeline) and the CPU time and peak PSS of each of the stack's
 * processes. Afterwards it checks the invariants (every order terminal and the read model
 * agreeing, money and stock conserved). It prints a table and writes {@code result.json}
 * and {@code latency.html} to {@code system-tests/target/benchmark}.
 *
 * <pre>
 * ./benchmark --url http://localhost:8080 --rates 30,100 --duration 30s --burst 3000
 * </pre>
 *
 * {@code --smoke} runs a tiny load (5 orders/s for 5 s, a burst of 50) to check
 * correctness only: it exits non-zero if an order is not terminal, ends otherwise than
 * its kind implies, or an invariant fails; it never judges timing.
 */
public final class ThroughputBenchmark {

	private ThroughputBenchmark() {
	}

	public static void main(String[] args) {
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			System.out.print(BenchmarkOptions.USAGE);
			return;
		}
		List<String> problems = run(BenchmarkOptions.parse(args), String.join(" ", args));
		if (!problems.isEmpty()) {
			System.out.println("FAIL: " + problems);
			System.exit(1);
		}
		System.out.println("PASS");
		System.exit(0);
	}

	/**
	 * Runs the benchmark: prints the report, writes result.json and latency.html.
	 * @param options the options
	 * @param args the arguments as given, for the report
	 * @return what failed the run (orders never terminal, broken invariants, and in smoke
	 * mode any error or unexpected outcome); empty if it passed
	 */
	static List<String> run(BenchmarkOptions options, String args) {
		var api = new SagaApi(options.url());
		Instant started = Instant.now();
		System.out.printf(Locale.ROOT, "Setting up %d customers and %d products on %s ...%n", options.customers(), 6,
				options.url());
		warnIfRateLimited(api);
		Workload workload = Workload.create(api, options.customers());
		List<BenchmarkReport.Phase> phases = new ArrayList<>();
		List<String> acceptedIds = new ArrayList<>();
		if (!options.warmup().isZero()) {
			var warmup = new PhaseStats("warm-up 30/s");
			System.out.printf(Locale.ROOT, "Warming up at 30/s for %ds (not reported) ...%n",
					options.warmup().toSeconds());
			run(warmup, 30, workload, options, (load) -> load.openLoop(warmup, 30, options.warmup(), options.drain()));
			acceptedIds.addAll(warmup.acceptedIds);
		}
		for (int rate : options.rates()) {
			var stats = new PhaseStats("open " + rate + "/s");
			System.out.printf(Locale.ROOT, "Phase %s for %ds ...%n", stats.name, options.duration().toSeconds());
			phases.add(run(stats, rate, workload, options,
					(load) -> load.openLoop(stats, rate, options.duration(), options.drain())));
			acceptedIds.addAll(stats.acceptedIds);
		}
		if (options.burst() > 0) {
			var stats = new PhaseStats("burst " + options.burst());
			System.out.printf(Locale.ROOT, "Phase %s (at most %d POSTs in flight) ...%n", stats.name,
					options.burstConcurrency());
			phases.add(run(stats, 0, workload, options,
					(load) -> load.burst(stats, options.burst(), options.burstConcurrency(), options.drain())));
			acceptedIds.addAll(stats.acceptedIds);
		}
		BenchmarkReport.print(phases);
		System.out.printf(Locale.ROOT, "%nChecking the invariants over %d accepted orders ...%n", acceptedIds.size());
		String failure = invariants(options, api, acceptedIds);
		List<String> problems = problems(phases, options.smoke());
		if (failure != null) {
			problems.add("invariants: " + failure);
		}
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("startedAt", started.toString());
		run.put("url", options.url());
		run.put("args", args);
		run.put("smoke", options.smoke());
		run.put("cpus", Runtime.getRuntime().availableProcessors());
		run.put("invariants", (failure == null) ? "PASS" : "FAIL: " + failure);
		run.put("problems", problems);
		BenchmarkReport.write(options.output().resolve("result.json"), BenchmarkReport.json(phases, run));
		LatencyPlot.write(options.output().resolve("latency.html"), phases,
				"Saga latency, " + args + " (" + started + ")");
		System.out.println("Invariants: " + ((failure == null) ? "PASS" : "FAIL " + failure));
		System.out.println("Wrote " + options.output().resolve("result.json") + " and "
				+ options.output().resolve("latency.html"));
		return problems;
	}

	/**
	 * The load comes from one client, which the gateway's per-client rate limit would
	 * refuse (429, counted as refused) long before the system is saturated: say how to
	 * lift the limit when the gateway answers with its headers.
	 */
	private static void warnIfRateLimited(SagaApi api) {
		api.get("/api/products/RATE-LIMIT-PROBE").headers().firstValue("RateLimit-Policy").ifPresent((policy) -> {
			System.out.println("WARNING: the gateway limits each client (RateLimit-Policy: " + policy + "); a load"
					+ " beyond it is refused with 429. Start the stack with"
					+ " ./run-local --set api-gateway:saga.gateway.rate-limit.enabled=false (docs/benchmark.md).");
		});
	}

	private static BenchmarkReport.Phase run(PhaseStats stats, int rate, Workload workload, BenchmarkOptions options,
			java.util.function.Consumer<LoadPhase> drive) {
		var load = new LoadPhase(options.url(), workload);
		var sampler = new ProcessSampler();
		try (sampler) {
			sampler.start();
			drive.accept(load);
			Map<String, ProcessSampler.Usage> usage = sampler.stop();
			stats.readStages(new SagaApi(options.url()), 1_000);
			return new BenchmarkReport.Phase(stats, usage, rate);
		}
		finally {
			load.close();
		}
	}

	/** What fails a run: orders never seen terminal, and in smoke mode any error. */
	private static List<String> problems(List<BenchmarkReport.Phase> phases, boolean smoke) {
		List<String> problems = new ArrayList<>();
		for (BenchmarkReport.Phase phase : phases) {
			PhaseStats s = phase.stats();
			if (s.stuck > 0) {
				problems.add(s.name + ": " + s.stuck + " orders not terminal after the drain timeout");
			}
			if (smoke && (s.errors.get() > 0 || s.unexpected.get() > 0 || s.terminal.get() != s.accepted.get())) {
				problems.add(s.name + ": " + s.errors.get() + " errors, " + s.unexpected.get()
						+ " unexpected outcomes, " + s.terminal.get() + " of " + s.accepted.get() + " terminal");
			}
		}
		return problems;
	}

	private static String invariants(BenchmarkOptions options, SagaApi api, List<String> acceptedIds) {
		try {
			new Invariants(options.paymentUrl(), options.inventoryUrl(), options.orderUrl()).awaitQuietAndAssertAll(api,
					acceptedIds);
			return null;
		}
		catch (AssertionError | RuntimeException ex) {
			String message = String.valueOf(ex.getMessage());
			return message.substring(0, Math.min(message.length(), 500));
		}
	}

}
