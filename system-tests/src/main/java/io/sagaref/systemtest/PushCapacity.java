package io.sagaref.systemtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many concurrent SSE streams the running stack holds through the gateway, and what
 * they cost: it opens customer streams ({@code GET /api/customers/{id}/stream}, which
 * stay open) through the gateway in steps (e.g. 1,000 then 5,000 in all), and at each
 * step places one order for that customer, counts the streams its first step reached, and
 * prints the heap, RSS and live threads of order-query-service and the gateway (heap and
 * threads from their metrics endpoints, RSS from {@code /proc}). The client reads every
 * stream on a virtual thread.
 *
 * <pre>
 * ./run-local   # in another terminal
 * ./mvnw -q -pl system-tests -am -DskipTests -Dspring-javaformat.skip=true compile exec:java \
 *   -Dexec.mainClass=io.sagaref.systemtest.PushCapacity -Dexec.args="--streams 1000,5000"
 * </pre>
 */
public final class PushCapacity {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PushCapacity() {
	}

	public static void main(String[] args) throws Exception {
		String gateway = option(args, "--url", "http://localhost:8080");
		String query = option(args, "--query-url", "http://localhost:8084");
		List<Integer> steps = new ArrayList<>();
		for (String n : option(args, "--streams", "1000,5000").split(",")) {
			steps.add(Integer.parseInt(n.trim()));
		}
		var api = new SagaApi(gateway);
		String sku = "PUSH-" + UUID.randomUUID().toString().substring(0, 8);
		api.createProduct(sku, "1.00", 1000);
		String customer = api.createCustomer("Push capacity", "1000.00");
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<Stream> streams = new ArrayList<>();
		System.out.println(header());
		System.out.println(row(0, 0, 0, gateway, query));
		for (int target : steps) {
			List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>();
			for (int i = streams.size(); i < target; i++) {
				opening.add(http
					.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/customers/" + customer + "/stream"))
						.header("Accept", "text/event-stream")
						.build(), HttpResponse.BodyHandlers.ofInputStream()));
			}
			for (var future : opening) {
				HttpResponse<InputStream> response = future.join();
				if (response.statusCode() != 200) {
					throw new IllegalStateException("A stream answered " + response.statusCode());
				}
				streams.add(new Stream(response.body()));
			}
			String orderId = api.placeOrder(customer, sku, 1).json().path("orderId").asString();
			long started = System.nanoTime();
			while (streams.stream().anyMatch((s) -> !s.saw(orderId))
					&& System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
				Thread.sleep(100);
			}
			long reached = streams.stream().filter((s) -> s.saw(orderId)).count();
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.println(row(streams.size(), reached, seconds, gateway, query));
		}
		for (Stream stream : streams) {
			stream.body.close();
		}
		System.exit(0);
	}

	private static String header() {
		return String.format(Locale.ROOT, "%8s %8s %9s | %-44s | %-44s", "streams", "reached", "fan-out s",
				"order-query-service heap MiB / RSS MiB / threads", "api-gateway heap MiB / RSS MiB / threads");
	}

	private static String row(int streams, long reached, double seconds, String gateway, String query) {
		Map<String, List<Long>> groups = ProcessSampler.groups();
		return String.format(Locale.ROOT, "%8d %8d %9.1f | %-44s | %-44s", streams, reached, seconds,
				usage(query, groups.getOrDefault("order-query-service", List.of())),
				usage(gateway, groups.getOrDefault("api-gateway", List.of())));
	}

	private static String usage(String url, List<Long> pids) {
		double heap = metric(url, "jvm.memory.used?tag=area:heap") / (1024 * 1024);
		double threads = metric(url, "jvm.threads.live");
		long rssKiB = 0;
		for (long pid : pids) {
			rssKiB += statusField(pid, "VmRSS:");
		}
		return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", heap, rssKiB / 1024.0, threads);
	}

	private static double metric(String url, String name) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url + "/actuator/metrics/" + name)).build(),
						HttpResponse.BodyHandlers.ofString());
			JsonNode json = JSON.readTree(response.body());
			return json.path("measurements").path(0).path("value").asDouble(Double.NaN);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

	private static long statusField(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return 0;
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	/** One open stream, read on a virtual thread, remembering the orders it saw. */
	private static final class Stream {

		private static final AtomicInteger OPEN = new AtomicInteger();

		private final InputStream body;

		private final java.util.Set<String> orders = java.util.concurrent.ConcurrentHashMap.newKeySet();

		Stream(InputStream body) {
			this.body = body;
			OPEN.incrementAndGet();
			Thread.ofVirtual().start(() -> {
				try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						if (line.startsWith("id:")) {
							String id = line.substring(3).strip();
							this.orders.add(id.substring(0, Math.max(0, id.lastIndexOf(':'))));
						}
					}
				}
				catch (IOException ex) {
					// closed
				}
				finally {
					OPEN.decrementAndGet();
				}
			});
		}

		boolean saw(String orderId) {
			return this.orders.contains(orderId);
		}

	}

}
