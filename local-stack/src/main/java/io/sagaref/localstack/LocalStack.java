package io.sagaref.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: real Postgres and a real Kafka broker
 * embedded in this JVM, and every service as its own OS process started from its
 * executable jar ({@code <module>/target/<module>-<version>-exec.jar}), in the order
 * inventory, payment, order, order-query, gateway.
 * <p>
 * As a library, for system tests:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackOptions.forTests(StackOptions.findRepoRoot(Path.of(""))))) {
 *     RestClient.create(stack.gatewayUrl()) ...;
 *     stack.kill("payment-service");    // crash it
 *     stack.restart("payment-service"); // same port and settings, waits until healthy
 * }
 * }</pre>
 *
 * The services' jars must be built first ({@code ./mvnw package}; a system-test module
 * that depends on the service modules gets them in the same reactor build).
 * <p>
 * As a command ({@code ./run-local --help}): starts everything, prints a ready banner and
 * stops everything cleanly on Ctrl-C. A JVM shutdown hook stops whatever is still running
 * if the owner never calls {@link #close()}.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final String STOPPED_WHILE_STARTING = "The local stack was stopped while it started";

	private final Logger log = LoggerFactory.getLogger(LocalStack.class);

	private final StackOptions options;

	private final Map<SagaService, Integer> ports;

	private final Map<SagaService, ServiceProcess> processes = new EnumMap<>(SagaService.class);

	private final HealthCheck healthCheck = new HealthCheck(Duration.ofMillis(200));

	private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

	private final CountDownLatch closed = new CountDownLatch(1);

	private @Nullable EmbeddedInfrastructure infrastructure;

	private volatile boolean closing;

	private Duration startupTime = Duration.ZERO;

	private LocalStack(StackOptions options, Map<SagaService, Integer> ports) {
		this.options = options;
		this.ports = ports;
	}

	/**
	 * Starts Postgres, Kafka and the chosen services, and returns once every service
	 * reports UP on {@code /actuator/health}.
	 * @param options how to run it
	 * @return the running stack; close it to stop everything
	 * @throws LocalStackException if a jar is missing (naming the command that builds
	 * it), a fixed port is taken, or a service exits or is not healthy in time (with its
	 * last log lines); whatever had started is stopped again
	 */
	public static LocalStack start(StackOptions options) {
		long startedAt = System.nanoTime();
		Map<SagaService, Path> jars = StackPlan.jars(options);
		var stack = new LocalStack(options, StackPlan.ports(options));
		Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
		try {
			stack.adopt(EmbeddedInfrastructure.start(options));
			stack.awaitHealthy(stack.launch(jars));
		}
		catch (RuntimeException ex) {
			boolean stoppedMeanwhile = stack.closing;
			stack.close();
			throw (stoppedMeanwhile && !STOPPED_WHILE_STARTING.equals(ex.getMessage()))
					? new LocalStackException(STOPPED_WHILE_STARTING, ex) : ex;
		}
		stack.startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
		stack.log.info("Local stack up in {} s", String.format("%.1f", stack.startupTime.toMillis() / 1000.0));
		return stack;
	}

	/**
	 * @return the gateway's base URL, e.g. {@code http://localhost:8080}
	 */
	public String gatewayUrl() {
		return serviceUrl(SagaService.GATEWAY.serviceName());
	}

	/**
	 * @param service order-service, payment-service, inventory-service,
	 * order-query-service or api-gateway
	 * @return its base URL, e.g. {@code http://localhost:8081}
	 * @throws IllegalArgumentException if the service is unknown or not part of this
	 * stack
	 */
	public String serviceUrl(String service) {
		return "http://localhost:" + this.ports.get(running(service));
	}

	/**
	 * @return the saga database's JDBC URL (connect as a service's role, see
	 * {@link ServiceDatabase}, or as {@code postgres})
	 */
	public String jdbcUrl() {
		return infrastructure().jdbcUrl();
	}

	/**
	 * @return the Kafka broker's bootstrap servers
	 */
	public String bootstrapServers() {
		return infrastructure().bootstrapServers();
	}

	/**
	 * @param service a service of this stack
	 * @return the file its output goes to (each start appends)
	 */
	public Path logFile(String service) {
		return process(service).logFile();
	}

	/**
	 * @param service a service of this stack
	 * @return whether its process is alive
	 */
	public boolean isRunning(String service) {
		return process(service).isAlive();
	}

	/**
	 * Kills a service at once (SIGKILL, as a crash would: no graceful shutdown, nothing
	 * flushed) and waits until its process is gone.
	 * @param service a service of this stack
	 */
	public void kill(String service) {
		this.log.info("Killing {}", service);
		process(service).kill();
	}

	/**
	 * Stops a service gracefully (SIGTERM; SIGKILL after 20 s), e.g. to show partial
	 * results while it is down.
	 * @param service a service of this stack
	 */
	public void stop(String service) {
		this.log.info("Stopping {}", service);
		process(service).stop(STOP_GRACE);
	}

	/**
	 * Starts a service again with the same port and settings (stopping it gracefully
	 * first if it still runs) and waits until it is healthy.
	 * @param service a service of this stack
	 * @throws LocalStackException if it exits or is not healthy in time
	 */
	public void restart(String service) {
		ServiceProcess process = process(service);
		process.stop(STOP_GRACE);
		synchronized (this) {
			if (this.closing) {
				throw new IllegalStateException("The local stack is closed");
			}
			this.log.info("Restarting {}", service);
			process.start();
		}
		awaitHealthy(List.of(process));
	}

	/**
	 * @return how long {@link #start(StackOptions)} took
	 */
	public Duration startupTime() {
		return this.startupTime;
	}

	/**
	 * @return the options this stack runs with
	 */
	public StackOptions options() {
		return this.options;
	}

	/**
	 * Stops the services (SIGTERM to all, waiting up to 20 s, then SIGKILL), then Kafka,
	 * then Postgres. Safe to call more than once.
	 */
	@Override
	public void close() {
		this.closing = true;
		synchronized (this.closed) {
			if (this.closed.getCount() == 0) {
				return;
			}
			this.log.info("Stopping the local stack");
			stopServices();
			EmbeddedInfrastructure started;
			synchronized (this) {
				started = this.infrastructure;
			}
			if (started != null) {
				started.close();
			}
			if (Thread.currentThread() != this.shutdownHook) {
				removeShutdownHook();
			}
			this.log.info("Local stack stopped");
			this.closed.countDown();
		}
	}

	/**
	 * The command line: {@code ./run-local --help} lists the options.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		LocalStackCommand.run(args);
	}

	void awaitClosed() throws InterruptedException {
		this.closed.await();
	}

	Map<SagaService, Integer> ports() {
		return this.ports;
	}

	/**
	 * Keeps the started Postgres and Kafka, or stops them at once if {@link #close()} ran
	 * while they started (it sets {@code closing} before it looks for them under this
	 * lock, so one of the two always stops them).
	 */
	private synchronized void adopt(EmbeddedInfrastructure started) {
		if (this.closing) {
			started.close();
			throw new LocalStackException(STOPPED_WHILE_STARTING);
		}
		this.infrastructure = started;
	}

	/**
	 * Starts the service processes; none once {@link #close()} has begun, which takes the
	 * same lock to collect the processes it stops.
	 */
	private synchronized List<ServiceProcess> launch(Map<SagaService, Path> jars) {
		Path logs = this.options.dataDirectory().resolve("logs");
		var launched = new ArrayList<ServiceProcess>();
		jars.forEach((service, jar) -> {
			if (this.closing) {
				throw new LocalStackException(STOPPED_WHILE_STARTING);
			}
			var command = ServiceCommand.of(service, jar, this.ports, jdbcUrl(), bootstrapServers(), this.options);
			var process = new ServiceProcess(service.serviceName(), command, this.options.repoRoot(),
					logs.resolve(service.serviceName() + ".log"));
			this.log.info("Starting {} on port {} (log: {})", service.serviceName(), this.ports.get(service),
					process.logFile());
			this.processes.put(service, process);
			process.start();
			launched.add(process);
		});
		return launched;
	}

	private void awaitHealthy(List<ServiceProcess> starting) {
		this.healthCheck.awaitUp(starting, this.options.startupTimeout(),
				(name) -> this.log.info("{} is healthy", name));
	}

	private void stopServices() {
		List<ServiceProcess> running;
		synchronized (this) {
			running = new ArrayList<>(this.processes.values());
		}
		running.forEach(ServiceProcess::requestStop);
		long deadline = System.nanoTime() + STOP_GRACE.toNanos();
		running.forEach((process) -> process.awaitStopped(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
	}

	private synchronized ServiceProcess process(String service) {
		ServiceProcess process = this.processes.get(running(service));
		if (process == null) {
			throw new IllegalArgumentException(service + " has not been started");
		}
		return process;
	}

	private SagaService running(String service) {
		SagaService known = SagaService.named(service);
		if (!this.options.services().contains(known.serviceName())) {
			throw new IllegalArgumentException(
					service + " is not part of this stack (it runs " + this.options.services() + ")");
		}
		return known;
	}

	private EmbeddedInfrastructure infrastructure() {
		EmbeddedInfrastructure running = this.infrastructure;
		if (running == null) {
			throw new IllegalStateException("Postgres and Kafka are not running");
		}
		return running;
	}

	private void removeShutdownHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down
		}
	}

}
