package io.sagaref.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

import io.sagaref.embedded.ServiceDatabase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: real Postgres (zonky's binaries), a
 * real Kafka broker in its own process ({@link KafkaProcess}), and every service as its
 * own OS process started from its executable jar
 * ({@code <module>/target/<module>-<version>-exec.jar}), in the order inventory, payment,
 * order, order-query, gateway.
 * <p>
 * As a library, for system tests that break things for real:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackOptions.forTests(root).withProxies(true))) {
 *     RestClient.create(stack.gatewayUrl()) ...;
 *     stack.kill("payment-service");               // crash it
 *     stack.restart("payment-service");            // same port and settings, waits until healthy
 *     String second = stack.startExtraInstance("payment-service"); // "payment-service#2"
 *     stack.killKafka(); stack.startKafka();       // broker crash, same port and data
 *     stack.stopPostgres(); stack.startPostgres(); // database outage
 *     stack.freezeKafkaLink(); stack.unfreezeKafkaLink(); // a network that hangs
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

	private static final char INSTANCE_SEPARATOR = '#';

	private final Logger log = LoggerFactory.getLogger(LocalStack.class);

	private final StackOptions options;

	private final Map<SagaService, Integer> ports;

	/** Every instance by name: the first of each service by the service's name. */
	private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

	private final Map<SagaService, Integer> extraInstances = new EnumMap<>(SagaService.class);

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
	 * @param name a service (order-service, payment-service, inventory-service,
	 * order-query-service or api-gateway) or an extra instance of one (e.g.
	 * {@code payment-service#2})
	 * @return its base URL, e.g. {@code http://localhost:8081}
	 * @throws IllegalArgumentException if the service is unknown or not part of this
	 * stack
	 */
	public String serviceUrl(String name) {
		if (name.indexOf(INSTANCE_SEPARATOR) >= 0) {
			return "http://localhost:" + process(name).port();
		}
		return "http://localhost:" + this.ports.get(running(name));
	}

	/**
	 * @return the saga database's JDBC URL, always the direct one (connect as a service's
	 * role, see {@link ServiceDatabase}, or as {@code postgres}); a test's own queries
	 * are not affected by a broken database link
	 */
	public String jdbcUrl() {
		return infrastructure().jdbcUrl();
	}

	/**
	 * @return the Kafka broker's bootstrap servers for a test's own clients: with
	 * proxies, a listener of the broker that bypasses them, so probes keep working while
	 * the services' link is frozen
	 */
	public String bootstrapServers() {
		return infrastructure().bootstrapServers();
	}

	/**
	 * @return the JDBC URL the services are given: the proxy's with
	 * {@link StackOptions#proxied()}, else the same as {@link #jdbcUrl()}
	 */
	public String servicesJdbcUrl() {
		return infrastructure().servicesJdbcUrl();
	}

	/**
	 * @return the bootstrap servers the services are given: the proxy's with
	 * {@link StackOptions#proxied()}, else the same as {@link #bootstrapServers()}
	 */
	public String servicesBootstrapServers() {
		return infrastructure().servicesBootstrapServers();
	}

	/**
	 * @param name a service of this stack or an extra instance
	 * @return the file its output goes to (each start appends)
	 */
	public Path logFile(String name) {
		return process(name).logFile();
	}

	/**
	 * @return the file the Kafka broker's output goes to (each start appends)
	 */
	public Path kafkaLogFile() {
		return infrastructure().kafkaLogFile();
	}

	/**
	 * @param name a service of this stack or an extra instance
	 * @return whether its process is alive
	 */
	public boolean isRunning(String name) {
		return process(name).isAlive();
	}

	/**
	 * @param name a service of this stack or an extra instance
	 * @return whether its process has ended without the stack stopping or killing it
	 * (e.g. a failpoint halted it, or it crashed); false while it runs
	 */
	public boolean hasExited(String name) {
		return process(name).hasExitedByItself();
	}

	/**
	 * @param name a service of this stack or an extra instance
	 * @return the exit code of its last run once that has ended, however it ended (143:
	 * SIGTERM, 137: SIGKILL); empty while it runs
	 */
	public OptionalInt exitValue(String name) {
		return process(name).exitValue();
	}

	/**
	 * Kills a service at once (SIGKILL, as a crash would: no graceful shutdown, nothing
	 * flushed) and waits until its process is gone.
	 * @param name a service of this stack or an extra instance
	 */
	public void kill(String name) {
		this.log.info("Killing {}", name);
		process(name).kill();
	}

	/**
	 * Stops a service gracefully (SIGTERM; SIGKILL after 20 s), e.g. to show partial
	 * results while it is down.
	 * @param name a service of this stack or an extra instance
	 */
	public void stop(String name) {
		this.log.info("Stopping {}", name);
		process(name).stop(STOP_GRACE);
	}

	/**
	 * Starts a service again with the same port and settings (stopping it gracefully
	 * first if it still runs) and waits until it is healthy.
	 * @param name a service of this stack or an extra instance
	 * @throws LocalStackException if it exits or is not healthy in time
	 */
	public void restart(String name) {
		restart(name, Map.of());
	}

	/**
	 * Starts a service again with the same port and settings plus the given Spring
	 * properties, for this run only (a later {@link #restart(String)} goes back to the
	 * stack's settings): e.g. a failpoint that makes it halt itself. Stops it gracefully
	 * first if it still runs, and waits until it is healthy.
	 * @param name a service of this stack or an extra instance
	 * @param extraProperties properties to add or override (not {@code server.port})
	 * @throws LocalStackException if it exits or is not healthy in time (then
	 * {@link #hasExited(String)} tells whether it ended by itself)
	 */
	public void restart(String name, Map<String, String> extraProperties) {
		if (extraProperties.containsKey("server.port")) {
			throw new IllegalArgumentException("server.port cannot be changed: " + name + " keeps its port");
		}
		ServiceProcess process = process(name);
		process.stop(STOP_GRACE);
		synchronized (this) {
			checkOpen();
			this.log.info("Restarting {}{}", name, extraProperties.isEmpty() ? "" : " with " + extraProperties);
			process.start(process.ownCommand().withProperties(extraProperties));
		}
		awaitHealthy(List.of(process));
	}

	/**
	 * Starts one more instance of a service on a free port, with the same settings
	 * (database role, consumer group: Kafka splits the partitions between the instances)
	 * and its own log file, and waits until it is healthy. The gateway keeps calling the
	 * first instance; call this one at {@link #serviceUrl(String)}.
	 * @param service a service of this stack
	 * @return the instance's name, e.g. {@code payment-service#2}, for the methods that
	 * take a name
	 * @throws LocalStackException if it exits or is not healthy in time
	 */
	public String startExtraInstance(String service) {
		SagaService known = running(service);
		ServiceProcess instance;
		synchronized (this) {
			checkOpen();
			ServiceProcess first = process(known.serviceName());
			int number = this.extraInstances.merge(known, 2, (last, one) -> last + 1);
			String name = known.serviceName() + INSTANCE_SEPARATOR + number;
			int port = freePort();
			var command = first.ownCommand().withProperties(Map.of("server.port", String.valueOf(port)));
			instance = new ServiceProcess(name, known, command, this.options.repoRoot(), logs().resolve(name + ".log"));
			this.log.info("Starting {} on port {} (log: {})", name, port, instance.logFile());
			this.processes.put(name, instance);
			instance.start();
		}
		awaitHealthy(List.of(instance));
		return instance.name();
	}

	/**
	 * @param service a service of this stack
	 * @return the names of its instances, the first (named as the service) first
	 */
	public synchronized List<String> instances(String service) {
		SagaService known = running(service);
		return this.processes.values()
			.stream()
			.filter((process) -> process.service() == known)
			.map(ServiceProcess::name)
			.toList();
	}

	/**
	 * Stops Postgres gracefully (a fast shutdown: open transactions roll back and every
	 * connection ends); its data and port are kept for {@link #startPostgres()}.
	 */
	public void stopPostgres() {
		this.log.info("Stopping Postgres");
		infrastructure().stopPostgres();
	}

	/**
	 * Starts Postgres again on the same port with the same data and waits until it
	 * accepts connections.
	 */
	public void startPostgres() {
		checkOpen();
		this.log.info("Starting Postgres");
		infrastructure().startPostgres();
	}

	/**
	 * Stops the Kafka broker gracefully (SIGTERM; SIGKILL after 30 s) and waits until its
	 * process is gone; its data and port are kept for {@link #startKafka()}.
	 */
	public void stopKafka() {
		this.log.info("Stopping Kafka");
		infrastructure().stopKafka();
	}

	/**
	 * Kills the Kafka broker at once (SIGKILL, as a crash would) and waits until its
	 * process is gone; {@link #startKafka()} recovers its logs.
	 */
	public void killKafka() {
		this.log.info("Killing Kafka");
		infrastructure().killKafka();
	}

	/**
	 * Starts the Kafka broker again on the same port with the same data and waits until
	 * it answers (a cluster description, up to 90 s).
	 * @throws LocalStackException if it exits or does not answer in time
	 */
	public void startKafka() {
		checkOpen();
		this.log.info("Starting Kafka");
		infrastructure().startKafka();
	}

	/**
	 * Freezes the services' link to Postgres: their connections stay open but no byte
	 * flows either way, and new connections hang after the TCP handshake, as on a network
	 * that silently drops packets. Queries block until {@link #unfreezeDatabaseLink()}
	 * (or their own timeouts).
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void freezeDatabaseLink() {
		this.log.info("Freezing the database link");
		infrastructure().postgresProxy().freeze();
	}

	/**
	 * Lets the bytes between the services and Postgres flow again, including what waited.
	 */
	public void unfreezeDatabaseLink() {
		this.log.info("Unfreezing the database link");
		infrastructure().postgresProxy().unfreeze();
	}

	/**
	 * Freezes the services' link to Kafka: connections stay open but no byte flows, so
	 * producers and consumers time out and retry as on a hanging network. The test's own
	 * clients on {@link #bootstrapServers()} are not affected.
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void freezeKafkaLink() {
		this.log.info("Freezing the Kafka link");
		infrastructure().kafkaProxy().freeze();
	}

	/**
	 * Lets the bytes between the services and Kafka flow again, including what waited.
	 */
	public void unfreezeKafkaLink() {
		this.log.info("Unfreezing the Kafka link");
		infrastructure().kafkaProxy().unfreeze();
	}

	/**
	 * Adds latency to the services' link to Postgres: every chunk of bytes is held back
	 * by the delay in each direction, so a query and its answer take at least twice the
	 * delay longer.
	 * @param delay the one-way delay (zero removes it)
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void slowDatabaseLink(Duration delay) {
		this.log.info("Delaying the database link by {} ms each way", delay.toMillis());
		infrastructure().postgresProxy().delay(delay);
	}

	/**
	 * Adds latency to the services' link to Kafka, as {@link #slowDatabaseLink(Duration)}
	 * does to Postgres's.
	 * @param delay the one-way delay (zero removes it)
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void slowKafkaLink(Duration delay) {
		this.log.info("Delaying the Kafka link by {} ms each way", delay.toMillis());
		infrastructure().kafkaProxy().delay(delay);
	}

	/**
	 * Closes every open connection between the services and Postgres at once (both ends
	 * see it close, as on a network reset); new connections work as before.
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void dropDatabaseConnections() {
		this.log.info("Dropping the database connections");
		infrastructure().postgresProxy().dropConnections();
	}

	/**
	 * Closes every open connection between the services and Kafka at once; the clients
	 * reconnect.
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void dropKafkaConnections() {
		this.log.info("Dropping the Kafka connections");
		infrastructure().kafkaProxy().dropConnections();
	}

	/**
	 * Makes the services' link to Postgres healthy again: unfrozen, no delay.
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void restoreDatabaseLink() {
		this.log.info("Restoring the database link");
		infrastructure().postgresProxy().restore();
	}

	/**
	 * Makes the services' link to Kafka healthy again: unfrozen, no delay.
	 * @throws IllegalStateException without {@link StackOptions#withProxies(boolean)}
	 */
	public void restoreKafkaLink() {
		this.log.info("Restoring the Kafka link");
		infrastructure().kafkaProxy().restore();
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
	 * Restores any broken link (so the services can shut down cleanly), stops the
	 * services and their extra instances (SIGTERM to all, waiting up to 20 s, then
	 * SIGKILL), then the proxies, Kafka and Postgres, and deletes throwaway data. Safe to
	 * call more than once.
	 */
	@Override
	public void close() {
		this.closing = true;
		synchronized (this.closed) {
			if (this.closed.getCount() == 0) {
				return;
			}
			this.log.info("Stopping the local stack");
			EmbeddedInfrastructure started;
			synchronized (this) {
				started = this.infrastructure;
			}
			if (started != null) {
				started.restoreLinks();
			}
			stopServices();
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

	Path postgresDirectory() {
		return infrastructure().postgresDirectory();
	}

	Path kafkaDirectory() {
		return infrastructure().kafkaDirectory();
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
		var launched = new ArrayList<ServiceProcess>();
		jars.forEach((service, jar) -> {
			if (this.closing) {
				throw new LocalStackException(STOPPED_WHILE_STARTING);
			}
			var command = ServiceCommand.of(service, jar, this.ports, servicesJdbcUrl(), servicesBootstrapServers(),
					this.options);
			var process = new ServiceProcess(service.serviceName(), service, command, this.options.repoRoot(),
					logs().resolve(service.serviceName() + ".log"));
			this.log.info("Starting {} on port {} (log: {})", service.serviceName(), this.ports.get(service),
					process.logFile());
			this.processes.put(service.serviceName(), process);
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

	private synchronized ServiceProcess process(String name) {
		int separator = name.indexOf(INSTANCE_SEPARATOR);
		running((separator < 0) ? name : name.substring(0, separator));
		ServiceProcess process = this.processes.get(name);
		if (process == null) {
			throw new IllegalArgumentException(
					name + " has not been started (instances: " + String.join(", ", this.processes.keySet()) + ")");
		}
		return process;
	}

	private Path logs() {
		return this.options.dataDirectory().resolve("logs");
	}

	private synchronized void checkOpen() {
		if (this.closing) {
			throw new IllegalStateException("The local stack is closed");
		}
	}

	/**
	 * @return a free port that no instance uses (a stopped one may come back)
	 */
	private int freePort() {
		var taken = new ArrayList<>(this.ports.values());
		this.processes.values().forEach((process) -> taken.add(process.port()));
		while (true) {
			int port = Ports.free(1).get(0);
			if (!taken.contains(port)) {
				return port;
			}
		}
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
