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

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Waits until services answer {@code GET /actuator/health} with status UP, failing fast
 * with the service's last log lines when one exits or the time is up.
 */
final class HealthCheck {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** What is waited for: a process with a health URL and a log. */
	interface Target {

		String name();

		URI healthUrl();

		boolean isRunning();

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
	 * @return whether it answers that the service as a whole is UP
	 */
	boolean isUp(URI healthUrl) {
		var request = HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(2)).GET().build();
		try {
			var response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return reportsUp(response.statusCode(), response.body());
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
	 * @param status the answer's HTTP status
	 * @param body the answer
	 * @return whether it is a 200 whose top-level {@code status} is UP, wherever that
	 * stands (Boot 4 puts {@code groups} first); a component's UP does not count
	 */
	static boolean reportsUp(int status, String body) {
		try {
			return status == 200 && "UP".equals(json.readTree(body).path("status").asString());
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/**
	 * @param targets the processes to wait for
	 * @param timeout how long all of them may take together
	 * @param onUp told the name of each target as it comes up
	 * @throws LocalStackException naming the target that exited or is still not up, with
	 * its log tail
	 */
	void awaitUp(List<? extends Target> targets, Duration timeout, Consumer<String> onUp) {
		var pending = new ArrayList<Target>(targets);
		try {
			await().atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(this.pollInterval)
				.pollInSameThread()
				.until(() -> noneStillStarting(pending, onUp));
		}
		catch (ConditionTimeoutException ex) {
			Target first = pending.get(0);
			throw new LocalStackException(first.name() + " was not healthy at " + first.healthUrl() + " within "
					+ shown(timeout) + stillWaitingFor(pending) + ". Last log lines:\n" + first.logTail());
		}
	}

	/**
	 * Checks every pending target once, dropping those that are up.
	 * @return whether none is left
	 */
	private boolean noneStillStarting(List<Target> pending, Consumer<String> onUp) {
		for (var iterator = pending.iterator(); iterator.hasNext();) {
			Target target = iterator.next();
			if (!target.isRunning()) {
				throw new LocalStackException(
						target.name() + " exited before it was healthy. Last log lines:\n" + target.logTail());
			}
			if (isUp(target.healthUrl())) {
				iterator.remove();
				onUp.accept(target.name());
			}
		}
		return pending.isEmpty();
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

}
