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

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in its own OS
 * process, with its log directory on disk: it can be stopped (SIGTERM), killed (SIGKILL)
 * and started again on the same ports with the same data, as a broker outage would go.
 * The directory is formatted on the first start only.
 * <p>
 * Behind a proxy, the client listener advertises the proxy's port, so every client that
 * bootstraps from it talks through the proxy; a second listener on {@code directPort}
 * advertises itself, for clients that must not be affected by the proxy (a test's own
 * probes, and the readiness check).
 */
public final class KafkaProcess implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

	private final Settings settings;

	private final ChildProcess process;

	/**
	 * @param settings where and how it runs
	 */
	public KafkaProcess(Settings settings) {
		this.settings = settings;
		this.process = new ChildProcess("kafka", settings.directory(), settings.logFile());
	}

	/**
	 * Where and how the broker runs.
	 *
	 * @param directory its own directory: {@code server.properties} and the log directory
	 * {@code data/}, kept across restarts
	 * @param logFile where its output goes (each start appends)
	 * @param port the client listener's port, where the broker itself listens
	 * @param controllerPort the KRaft controller's port
	 * @param advertisedPort the port clients are told to use: {@code port}, or a proxy's
	 * in front of it
	 * @param directPort a second client listener that advertises itself, or 0 for none
	 * @param partitions partitions of each topic created on first use
	 */
	public record Settings(Path directory, Path logFile, int port, int controllerPort, int advertisedPort,
			int directPort, int partitions) {

		public Settings {
			directory = directory.toAbsolutePath().normalize();
			logFile = logFile.toAbsolutePath().normalize();
		}

		/**
		 * @param directory its own directory
		 * @param logFile where its output goes
		 * @param port the client port
		 * @param controllerPort the controller's port
		 * @param partitions partitions of each topic created on first use
		 * @return settings without a proxy
		 */
		public static Settings of(Path directory, Path logFile, int port, int controllerPort, int partitions) {
			return new Settings(directory, logFile, port, controllerPort, port, 0, partitions);
		}

	}

	/**
	 * Starts the broker (formatting its log directory first if it is new) and waits until
	 * it answers a cluster description.
	 * @throws LocalStackException if it exits or does not answer within 90 s, with the
	 * errors in its log
	 */
	public synchronized void start() {
		try {
			Files.createDirectories(this.settings.directory());
			Path serverProperties = this.settings.directory().resolve("server.properties");
			Files.writeString(serverProperties, serverProperties());
			var arguments = new ArrayList<String>();
			if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
				arguments.add("--format=" + Uuid.randomUuid());
			}
			arguments.add(serverProperties.toString());
			this.process.start(ChildJvm.command(jvmOptions(), KafkaNode.class.getName(), arguments));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Kafka in " + this.settings.directory(), ex);
		}
		awaitReady();
	}

	/**
	 * Stops the broker gracefully (SIGTERM: it closes its logs cleanly) and waits; kills
	 * it after 30 s.
	 */
	public synchronized void stop() {
		this.process.stop(STOP_GRACE);
	}

	/**
	 * Kills the broker at once (SIGKILL, as a crash would) and waits until it is gone;
	 * the next start recovers its logs.
	 */
	public synchronized void kill() {
		this.process.kill();
	}

	/**
	 * @return whether the broker's process is alive
	 */
	public boolean isRunning() {
		return this.process.isAlive();
	}

	/**
	 * @return the bootstrap servers for clients that bypass any proxy
	 */
	public String bootstrapServers() {
		return "localhost:" + directPort();
	}

	/**
	 * @return the bootstrap servers the broker advertises (a proxy's, if it has one)
	 */
	public String advertisedBootstrapServers() {
		return "localhost:" + this.settings.advertisedPort();
	}

	/**
	 * @return where its output goes
	 */
	public Path logFile() {
		return this.settings.logFile();
	}

	/**
	 * @return where and how it runs
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * Stops the broker; its data stays in its directory.
	 */
	@Override
	public void close() {
		stop();
	}

	private int directPort() {
		return (this.settings.directPort() > 0) ? this.settings.directPort() : this.settings.port();
	}

	private Path dataDirectory() {
		return this.settings.directory().resolve("data");
	}

	private String serverProperties() {
		Settings s = this.settings;
		boolean direct = s.directPort() > 0;
		String listeners = "PLAINTEXT://localhost:" + s.port() + ",CONTROLLER://localhost:" + s.controllerPort()
				+ (direct ? ",DIRECT://localhost:" + s.directPort() : "");
		String advertised = "PLAINTEXT://localhost:" + s.advertisedPort()
				+ (direct ? ",DIRECT://localhost:" + s.directPort() : "");
		return String.join("\n", "# Written by the local stack on every start; the data stays in data/",
				"process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@localhost:" + s.controllerPort(), "controller.listener.names=CONTROLLER",
				"listeners=" + listeners, "advertised.listeners=" + advertised,
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,DIRECT:PLAINTEXT",
				"inter.broker.listener.name=" + (direct ? "DIRECT" : "PLAINTEXT"),
				"log.dirs=" + dataDirectory().toString().replace('\\', '/'), "num.partitions=" + s.partitions(),
				"auto.create.topics.enable=true", "offsets.topic.replication.factor=1",
				"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
				"group.initial.rebalance.delay.ms=0",
				"# after a kill the restarted broker waits for its old session to expire (default 9 s)",
				"broker.session.timeout.ms=3000", "broker.heartbeat.interval.ms=500", "");
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

	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (!accepts(directPort())) {
			checkStillStarting(deadline);
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
			while (!describesItself(admin)) {
				checkStillStarting(deadline);
			}
		}
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

	/**
	 * Fails if the process has exited or the time is up; else waits a moment (or until it
	 * exits).
	 */
	private void checkStillStarting(long deadline) {
		if (this.process.awaitExit(Duration.ofMillis(100))) {
			throw new LocalStackException("Kafka exited before it was ready (exit code "
					+ this.process.exitValue().orElse(-1) + "). " + failureReport());
		}
		if (System.nanoTime() - deadline > 0) {
			this.process.kill();
			throw new LocalStackException("Kafka did not answer on " + bootstrapServers() + " within "
					+ READY_TIMEOUT.toSeconds() + " s. " + failureReport());
		}
	}

	/**
	 * @return the errors of this run's log (Kafka's shutdown after a fatal error buries
	 * them under many lines) and its last lines
	 */
	private String failureReport() {
		List<String> lines = this.process.logLines(4 * 1024 * 1024);
		var errors = new ArrayList<String>();
		int continuation = 0;
		for (String line : lines) {
			boolean logLine = !line.isEmpty() && Character.isDigit(line.charAt(0));
			if (line.contains(" ERROR ")) {
				errors.add(line);
				continuation = 6;
			}
			else if (!logLine && continuation-- > 0) {
				errors.add(line);
			}
			else if (logLine) {
				continuation = 0;
			}
		}
		List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
		return "Errors in " + this.process.logFile() + ":\n" + String.join("\n", errors) + "\nLast lines:\n"
				+ String.join("\n", last);
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
