package io.sagaref.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.sagaref.localstack.faults.LinkProxy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine without Docker: real Postgres
 * ({@link PostgresProcess}), a real Kafka broker in its own process
 * ({@link KafkaProcess}), and every service as its own OS process
 * ({@link ServiceProcess}) started from its executable jar
 * ({@code <module>/target/<module>-<version>-exec.jar}), in the order inventory, payment,
 * order, order-query, gateway. It supervises them and hands out a handle to each, for
 * system tests that break things for real:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackOptions.forTests(root).withProxies())) {
 *     RestClient.create(stack.gatewayUrl()) ...;
 *     stack.service("payment-service").kill();      // crash it
 *     stack.service("payment-service").start();     // same port and settings, waits until healthy
 *     ServiceProcess second = stack.startExtraInstance("payment-service"); // "payment-service#2"
 *     stack.kafka().kill(); stack.kafka().start();  // broker crash, same port and data
 *     stack.postgres().stop(); stack.postgres().start(); // database outage
 *     stack.kafkaLink().freeze(); stack.kafkaLink().unfreeze(); // a network that hangs
 * }
 * }</pre>
 *
 * The services' jars must be built first ({@code ./mvnw package}). A JVM shutdown hook
 * stops whatever is still running if the owner never calls {@link #close()}.
 */
public final class LocalStack implements AutoCloseable {

	private static final String STOPPED_WHILE_STARTING = "The local stack was stopped while it started";

	private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

	private final StackOptions options;

	private final ServiceInstances services;

	private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");

	private final CountDownLatch closed = new CountDownLatch(1);

	private @Nullable EmbeddedInfrastructure infrastructure;

	private volatile boolean closing;

	private Duration startupTime = Duration.ZERO;

	private LocalStack(StackOptions options, Map<SagaService, Integer> ports) {
		this.options = options;
		this.services = new ServiceInstances(options, ports);
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
			EmbeddedInfrastructure started = stack.adopt(EmbeddedInfrastructure.start(options));
			stack.services.startAll(jars, started.servicesJdbcUrl(), started.kafka().advertisedBootstrapServers());
		}
		catch (RuntimeException ex) {
			boolean stoppedMeanwhile = stack.closing;
			stack.close();
			throw (stoppedMeanwhile && !STOPPED_WHILE_STARTING.equals(ex.getMessage()))
					? new LocalStackException(STOPPED_WHILE_STARTING, ex) : ex;
		}
		stack.startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
		log.info("Local stack up in {} s", String.format("%.1f", stack.startupTime.toMillis() / 1000.0));
		return stack;
	}

	/**
	 * @param name a service of this stack (e.g. {@code payment-service}) or an extra
	 * instance of one ({@code payment-service#2})
	 * @return its handle
	 * @throws IllegalArgumentException if there is no such service or instance
	 */
	public ServiceProcess service(String name) {
		return this.services.named(name);
	}

	/**
	 * @return the public entry's base URL, e.g. {@code http://localhost:8080}
	 */
	public String gatewayUrl() {
		return service(SagaService.GATEWAY.serviceName()).url();
	}

	/**
	 * Starts one more instance of a service on a free port with the same settings
	 * (database role, consumer group: Kafka splits the partitions between the instances)
	 * and waits until it is healthy. The gateway keeps calling the first instance.
	 * @param service a service of this stack
	 * @return the new instance, named e.g. {@code payment-service#2}
	 */
	public ServiceProcess startExtraInstance(String service) {
		return this.services.startExtra(service);
	}

	/**
	 * @param service a service of this stack
	 * @return its instances, the first (named as the service) first
	 */
	public List<ServiceProcess> instances(String service) {
		return this.services.of(service);
	}

	/**
	 * @return the stack's Postgres, to stop and start it again
	 */
	public PostgresProcess postgres() {
		return infrastructure().postgres();
	}

	/**
	 * @return the stack's Kafka broker, to stop, kill and start it again
	 */
	public KafkaProcess kafka() {
		return infrastructure().kafka();
	}

	/**
	 * @return the services' link to Postgres, to freeze, slow or cut it
	 * @throws IllegalStateException without {@link StackOptions#withProxies()}
	 */
	public LinkProxy databaseLink() {
		return infrastructure().proxies().database();
	}

	/**
	 * @return the services' link to Kafka, to freeze, slow or cut it; the test's own
	 * clients on {@link KafkaProcess#bootstrapServers()} are not affected
	 * @throws IllegalStateException without {@link StackOptions#withProxies()}
	 */
	public LinkProxy kafkaLink() {
		return infrastructure().proxies().kafka();
	}

	/**
	 * @return the JDBC URL the services are given: the proxy's with
	 * {@link StackOptions#proxied()}, else {@link PostgresProcess#jdbcUrl()} (their
	 * bootstrap servers are {@link KafkaProcess#advertisedBootstrapServers()})
	 */
	public String servicesJdbcUrl() {
		return infrastructure().servicesJdbcUrl();
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
	 * Waits until the stack has been closed (by its owner, a signal or the JVM's
	 * shutdown).
	 */
	public void awaitClosed() throws InterruptedException {
		this.closed.await();
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
			log.info("Stopping the local stack");
			EmbeddedInfrastructure started;
			synchronized (this) {
				started = this.infrastructure;
			}
			if (started != null) {
				started.restoreLinks();
			}
			this.services.stopAll();
			if (started != null) {
				started.close();
			}
			if (Thread.currentThread() != this.shutdownHook) {
				removeShutdownHook();
			}
			log.info("Local stack stopped");
			this.closed.countDown();
		}
	}

	/**
	 * Keeps the started Postgres and Kafka, or stops them at once if {@link #close()} ran
	 * while they started (it sets {@code closing} before it looks for them under this
	 * lock, so one of the two always stops them).
	 */
	private synchronized EmbeddedInfrastructure adopt(EmbeddedInfrastructure started) {
		if (this.closing) {
			started.close();
			throw new LocalStackException(STOPPED_WHILE_STARTING);
		}
		this.infrastructure = started;
		return started;
	}

	private synchronized EmbeddedInfrastructure infrastructure() {
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
