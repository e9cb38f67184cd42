package io.sagaref.localstack;

import java.nio.file.Path;

/**
 * Where and how the stack's Kafka broker runs, and the {@code server.properties} that
 * says so to the broker.
 * <p>
 * Behind a proxy, the client listener advertises the proxy's port, so every client that
 * bootstraps from it talks through the proxy; a second listener on {@code directPort}
 * advertises itself, for clients that must not be affected by the proxy (a test's own
 * probes, and the readiness check).
 *
 * @param directory its own directory: {@code server.properties} and the log directory
 * {@code data/}, kept across restarts
 * @param logFile where its output goes (each start appends)
 * @param port the client listener's port, where the broker itself listens
 * @param controllerPort the KRaft controller's port
 * @param advertisedPort the port clients are told to use: {@code port}, or a proxy's in
 * front of it
 * @param directPort a second client listener that advertises itself, or 0 for none
 * @param partitions partitions of each topic created on first use
 */
public record KafkaSettings(Path directory, Path logFile, int port, int controllerPort, int advertisedPort,
		int directPort, int partitions) {

	public KafkaSettings {
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
	public static KafkaSettings of(Path directory, Path logFile, int port, int controllerPort, int partitions) {
		return new KafkaSettings(directory, logFile, port, controllerPort, port, 0, partitions);
	}

	/**
	 * @return the log directory, formatted on the first start
	 */
	public Path dataDirectory() {
		return this.directory.resolve("data");
	}

	/**
	 * @return the port of the listener that bypasses any proxy
	 */
	public int bootstrapPort() {
		return (this.directPort > 0) ? this.directPort : this.port;
	}

	/**
	 * @return a single node that is broker and controller, with topics created on first
	 * use and every replication factor 1
	 */
	String serverProperties() {
		boolean direct = this.directPort > 0;
		String listeners = "PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort
				+ (direct ? ",DIRECT://localhost:" + this.directPort : "");
		String advertised = "PLAINTEXT://localhost:" + this.advertisedPort
				+ (direct ? ",DIRECT://localhost:" + this.directPort : "");
		return String.join("\n", "# Written by the local stack on every start; the data stays in data/",
				"process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@localhost:" + this.controllerPort, "controller.listener.names=CONTROLLER",
				"listeners=" + listeners, "advertised.listeners=" + advertised,
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,DIRECT:PLAINTEXT",
				"inter.broker.listener.name=" + (direct ? "DIRECT" : "PLAINTEXT"),
				"log.dirs=" + dataDirectory().toString().replace('\\', '/'), "num.partitions=" + this.partitions,
				"auto.create.topics.enable=true", "offsets.topic.replication.factor=1",
				"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
				"group.initial.rebalance.delay.ms=0",
				"# after a kill the restarted broker waits for its old session to expire (default 9 s)",
				"broker.session.timeout.ms=3000", "broker.heartbeat.interval.ms=500", "");
	}

}
