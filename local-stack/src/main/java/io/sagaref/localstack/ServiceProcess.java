package io.sagaref.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * One instance of a service, running as its own OS process with its output appended to
 * its log file: the handle a test uses to crash it, stop it and bring it back. Every
 * method waits until its effect is complete (a start until the service is healthy, a stop
 * or kill until the process is gone).
 *
 * <pre>{@code
 * ServiceProcess payments = stack.service("payment-service");
 * payments.kill();                                   // SIGKILL, as a crash would
 * payments.start();                                  // same port and settings, waits until healthy
 * payments.restartUntilItHalts(Map.of(FAILPOINT, "on"), Duration.ofMinutes(5)); // this run only
 * payments.restart(Map.of(SETTING, "value"));        // this run only, waits until healthy
 * }</pre>
 */
public final class ServiceProcess implements HealthCheck.Target {

	private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

	/** How long a graceful stop may take before the process is killed. */
	static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private final ServiceInstances instances;

	private final SagaService service;

	private final ChildProcess process;

	private final ServiceCommand command;

	ServiceProcess(ServiceInstances instances, String name, SagaService service, ServiceCommand command, Path logFile) {
		this.instances = instances;
		this.service = service;
		this.process = new ChildProcess(name, instances.workingDirectory(), logFile);
		this.command = command;
	}

	/**
	 * @return its name: the service's (e.g. {@code payment-service}) for the first
	 * instance, with a number for the others ({@code payment-service#2})
	 */
	@Override
	public String name() {
		return this.process.name();
	}

	/**
	 * @return the service it is an instance of
	 */
	public SagaService service() {
		return this.service;
	}

	/**
	 * @return the port it listens on, the same across restarts
	 */
	public int port() {
		return Integer.parseInt(this.command.properties().get("server.port"));
	}

	/**
	 * @return its base URL, e.g. {@code http://localhost:8081}
	 */
	public String url() {
		return "http://localhost:" + port();
	}

	/**
	 * @return the file its output goes to (each start appends)
	 */
	public Path logFile() {
		return this.process.logFile();
	}

	/**
	 * @return whether its process is alive
	 */
	@Override
	public boolean isRunning() {
		return this.process.isAlive();
	}

	/**
	 * @return whether its process has ended without the stack stopping or killing it
	 * (e.g. a failpoint halted it, or it crashed); false while it runs
	 */
	public boolean hasExited() {
		return this.process.hasExitedByItself();
	}

	/**
	 * @return the exit code of its last run once that has ended, however it ended (143:
	 * SIGTERM, 137: SIGKILL); empty while it runs
	 */
	public OptionalInt exitValue() {
		return this.process.exitValue();
	}

	/**
	 * Kills it at once (SIGKILL, as a crash would: no graceful shutdown, nothing flushed)
	 * and waits until its process is gone.
	 */
	public void kill() {
		log.info("Killing {}", name());
		this.process.kill();
	}

	/**
	 * Stops it gracefully (SIGTERM; SIGKILL after 20 s), e.g. to show partial results
	 * while it is down.
	 */
	public void stop() {
		log.info("Stopping {}", name());
		this.process.stop(STOP_GRACE);
	}

	/**
	 * Starts it again, after a kill or a stop, on the same port with the stack's
	 * settings, and waits until it is healthy.
	 * @throws IllegalStateException if it is still running or the stack is closed
	 * @throws LocalStackException if it exits or is not healthy in time
	 */
	public void start() {
		log.info("Starting {}", name());
		launch(this.command);
	}

	/**
	 * Starts it again with the same port and settings (stopping it gracefully first if it
	 * still runs) and waits until it is healthy.
	 * @throws LocalStackException if it exits or is not healthy in time
	 */
	public void restart() {
		restart(Map.of());
	}

	/**
	 * Starts it again with the same port and settings plus the given Spring properties
	 * that make it end by itself (a failpoint that halts it), and waits until it has
	 * ended, whether or not it became healthy first: a halt may come before the health
	 * endpoint answers.
	 * @param haltingProperties properties to add or override (not {@code server.port})
	 * @param within how long it may take to start and halt
	 * @throws LocalStackException if it still runs after that time (it is then killed)
	 */
	public void restartUntilItHalts(Map<String, String> haltingProperties, Duration within) {
		if (haltingProperties.containsKey("server.port")) {
			throw new IllegalArgumentException("server.port cannot be changed: " + name() + " keeps its port");
		}
		this.process.stop(STOP_GRACE);
		log.info("Restarting {} with {} until it halts", name(), haltingProperties);
		this.instances.whileOpen(() -> this.process.start(this.command.withProperties(haltingProperties).toList()));
		try {
			await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> !this.process.isAlive());
		}
		catch (ConditionTimeoutException ex) {
			this.process.kill();
			throw new LocalStackException(name() + " was started with " + haltingProperties
					+ " but had not halted within " + within.toSeconds() + " s. Last log lines:\n" + logTail());
		}
	}

	/**
	 * Starts it again with the same port and settings plus the given Spring properties,
	 * for this run only (a later {@link #start()} or {@link #restart()} goes back to the
	 * stack's settings): e.g. a failpoint that makes it halt itself. Stops it gracefully
	 * first if it still runs, and waits until it is healthy.
	 * @param extraProperties properties to add or override (not {@code server.port})
	 * @throws LocalStackException if it exits or is not healthy in time (then
	 * {@link #hasExited()} tells whether it ended by itself)
	 */
	public void restart(Map<String, String> extraProperties) {
		if (extraProperties.containsKey("server.port")) {
			throw new IllegalArgumentException("server.port cannot be changed: " + name() + " keeps its port");
		}
		this.process.stop(STOP_GRACE);
		log.info("Restarting {}{}", name(), extraProperties.isEmpty() ? "" : " with " + extraProperties);
		launch(this.command.withProperties(extraProperties));
	}

	@Override
	public URI healthUrl() {
		return URI.create(url() + "/actuator/health");
	}

	@Override
	public String logTail() {
		return this.process.logTail();
	}

	/**
	 * @return the command it starts with unless told otherwise
	 */
	ServiceCommand command() {
		return this.command;
	}

	/**
	 * Launches the process without waiting for it to be healthy.
	 */
	void launchWithoutWaiting() {
		this.process.start(this.command.toList());
	}

	void requestStop() {
		this.process.requestStop();
	}

	void awaitStopped(Duration grace) {
		this.process.awaitStopped(grace);
	}

	private void launch(ServiceCommand run) {
		this.instances.whileOpen(() -> this.process.start(run.toList()));
		this.instances.awaitHealthy(List.of(this));
	}

}
