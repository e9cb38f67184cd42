package io.sagaref.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in its own OS
 * process, with its log directory on disk: it can be stopped (SIGTERM), killed (SIGKILL)
 * and started again on the same ports with the same data, as a broker outage would go.
 * The directory is formatted on the first start only.
 */
public final class KafkaProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaProcess.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private final KafkaSettings settings;

	private final ChildProcess process;

	private volatile boolean closed;

	/**
	 * @param settings where and how it runs
	 */
	public KafkaProcess(KafkaSettings settings) {
		this.settings = settings;
		this.process = new ChildProcess("kafka", settings.directory(), settings.logFile());
	}

	/**
	 * Starts the broker (formatting its log directory first if it is new) and waits until
	 * it answers a cluster description: about 2–3 s, after a kill about 5 s (the
	 * restarted broker waits for its old session to expire).
	 * @throws LocalStackException if it exits or does not answer within 90 s, with the
	 * errors in its log
	 * @throws IllegalStateException if it runs already or has been closed
	 */
	public synchronized void start() {
		if (this.closed) {
			throw new IllegalStateException("Kafka is closed");
		}
		long startedAt = System.nanoTime();
		try {
			Files.createDirectories(this.settings.directory());
			Path serverProperties = this.settings.directory().resolve("server.properties");
			Files.writeString(serverProperties, this.settings.serverProperties());
			var arguments = new ArrayList<String>();
			if (!Files.exists(this.settings.dataDirectory().resolve("meta.properties"))) {
				arguments.add("--format=" + Uuid.randomUuid());
			}
			arguments.add(serverProperties.toString());
			this.process.start(ChildJvm.command(jvmOptions(), KafkaNode.class.getName(), arguments));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Kafka in " + this.settings.directory(), ex);
		}
		awaitReady();
		log.info("Kafka up on port {} (its own process, data in {}) in {} ms", this.settings.port(),
				this.settings.directory(), Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
	}

	/**
	 * Stops the broker gracefully (SIGTERM: it closes its logs cleanly) and waits; kills
	 * it after 30 s. Its data and port are kept for {@link #start()}.
	 */
	public synchronized void stop() {
		if (this.process.isAlive()) {
			log.info("Stopping Kafka");
		}
		this.process.stop(STOP_GRACE);
	}

	/**
	 * Kills the broker at once (SIGKILL, as a crash would) and waits until it is gone;
	 * the next start recovers its logs.
	 */
	public synchronized void kill() {
		log.info("Killing Kafka");
		this.process.kill();
	}

	/**
	 * @return whether the broker's process is alive
	 */
	public boolean isRunning() {
		return this.process.isAlive();
	}

	/**
	 * @return the bootstrap servers for a test's own clients: they bypass any proxy, so
	 * probes keep working while the services' link is frozen
	 */
	public String bootstrapServers() {
		return "localhost:" + this.settings.bootstrapPort();
	}

	/**
	 * @return the bootstrap servers the broker advertises (a proxy's, if it has one)
	 */
	public String advertisedBootstrapServers() {
		return "localhost:" + this.settings.advertisedPort();
	}

	/**
	 * @return where its output goes (each start appends)
	 */
	public Path logFile() {
		return this.settings.logFile();
	}

	/**
	 * @return where and how it runs
	 */
	public KafkaSettings settings() {
		return this.settings;
	}

	/**
	 * Stops the broker for good ({@link #start()} refuses afterwards); its data stays in
	 * its directory.
	 */
	@Override
	public void close() {
		this.closed = true;
		stop();
	}

	private static List<String> jvmOptions() {
		var options = new ArrayList<>(JVM_OPTIONS);
		if (Runtime.version().feature() >= 24) {
			// the broker still uses sun.misc.Unsafe; newer JDKs warn about it on every
			// start
			options.add("--sun-misc-unsafe-memory-access=allow");
		}
		options.addAll(ChildJvm.simpleLogging());
		return options;
	}

	/**
	 * Waits until the port accepts connections (so the admin client does not log
	 * refusals), then until the broker describes the cluster; fails as soon as the
	 * process exits.
	 */
	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try {
			whileStarting(deadline).until(() -> accepts(this.settings.bootstrapPort()));
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
					AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
					2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
				whileStarting(deadline).until(() -> describesItself(admin));
			}
		}
		catch (TerminalFailureException ex) {
			throw new LocalStackException("Kafka exited before it was ready (exit code "
					+ this.process.exitValue().orElse(-1) + "). " + KafkaFailure.report(this.process));
		}
		catch (ConditionTimeoutException ex) {
			this.process.kill();
			throw new LocalStackException("Kafka did not answer on " + bootstrapServers() + " within "
					+ READY_TIMEOUT.toSeconds() + " s. " + KafkaFailure.report(this.process));
		}
	}

	private ConditionFactory whileStarting(long deadline) {
		return await().atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.pollInSameThread()
			.failFast("Kafka exited before it was ready", () -> !this.process.isAlive());
	}

	private static boolean describesItself(Admin admin) {
		try {
			return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).nodes().get().isEmpty();
		}
		catch (ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted while Kafka started", ex);
		}
	}

	private static boolean accepts(int port) {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
