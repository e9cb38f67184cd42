package io.sagaref.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Waits until services answer {@code GET /actuator/health} with status UP, failing fast
 * with the service's last log lines when one exits or the time is up.
 */
final class HealthCheck {

	private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	private static final Pattern NESTED_OBJECT = Pattern.compile("\\{[^{}]*\\}");

	/** What is waited for: a process with a health URL and a log. */
	interface Target {

		String name();

		URI healthUrl();

		boolean isAlive();

		String logTail();

	}

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final Duration pollInterval;

	HealthCheck(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/**
	 * @param healthUrl an actuator health endpoint
	 * @return whether it answers 200 with {@code {"status":"UP"...}}
	 */
	boolean isUp(URI healthUrl) {
		var request = HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(2)).GET().build();
		try {
			var response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && UP.matcher(topLevel(response.body())).find();
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted while checking " + healthUrl, ex);
		}
	}

	/**
	 * Drops nested objects (e.g. {@code components}), so that only the overall status is
	 * read, wherever it stands among the top-level fields (Boot 4 puts {@code groups}
	 * first).
	 * @param json a health answer
	 * @return the top-level fields only
	 */
	static String topLevel(String json) {
		String body = json.strip();
		if (body.startsWith("{") && body.endsWith("}")) {
			body = body.substring(1, body.length() - 1);
		}
		String previous;
		do {
			previous = body;
			body = NESTED_OBJECT.matcher(body).replaceAll("");
		}
		while (!body.equals(previous));
		return body;
	}

	/**
	 * @param targets the processes to wait for
	 * @param timeout how long all of them may take together
	 * @param onUp told the name of each target as it comes up
	 * @throws LocalStackException naming the target that exited or is still not up, with
	 * its log tail
	 */
	void awaitUp(List<? extends Target> targets, Duration timeout, Consumer<String> onUp) {
		long deadline = System.nanoTime() + timeout.toNanos();
		var pending = new ArrayList<Target>(targets);
		while (true) {
			for (var iterator = pending.iterator(); iterator.hasNext();) {
				Target target = iterator.next();
				if (!target.isAlive()) {
					throw new LocalStackException(
							target.name() + " exited before it was healthy. Last log lines:\n" + target.logTail());
				}
				if (isUp(target.healthUrl())) {
					iterator.remove();
					onUp.accept(target.name());
				}
			}
			if (pending.isEmpty()) {
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				Target first = pending.get(0);
				throw new LocalStackException(first.name() + " was not healthy at " + first.healthUrl() + " within "
						+ shown(timeout) + stillWaitingFor(pending) + ". Last log lines:\n" + first.logTail());
			}
			pause();
		}
	}

	private static String shown(Duration timeout) {
		return (timeout.toMillis() % 1000 == 0) ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
	}

	private static String stillWaitingFor(List<Target> pending) {
		if (pending.size() == 1) {
			return "";
		}
		return " (nor were " + String.join(", ", pending.subList(1, pending.size()).stream().map(Target::name).toList())
				+ ")";
	}

	private void pause() {
		try {
			Thread.sleep(this.pollInterval);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted while waiting for the services", ex);
		}
	}

}
