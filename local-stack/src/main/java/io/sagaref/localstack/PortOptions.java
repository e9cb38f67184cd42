package io.sagaref.localstack;

/**
 * Which ports the servers listen on: the fixed ones of docs/architecture.md, or free
 * ones.
 *
 * @param random whether every server takes a free port instead of the fixed ones
 * @param basePort the gateway's port; the services take the ports above it, each at its
 * {@link SagaService} offset (order 1, payment 2, inventory 3, order-query 4, ...)
 * @param postgresPort Postgres's port
 * @param kafkaPort Kafka's port; its controller takes the next
 */
public record PortOptions(boolean random, int basePort, int postgresPort, int kafkaPort) {

	/** The gateway's port; services on the ports above, as in docs/architecture.md. */
	public static final int DEFAULT_BASE_PORT = 8080;

	/** Postgres's port in the CLI's default setup. */
	public static final int DEFAULT_POSTGRES_PORT = 15432;

	/** Kafka's port in the CLI's default setup; its controller listens on the next. */
	public static final int DEFAULT_KAFKA_PORT = 19092;

	public PortOptions {
		checkPort(basePort, "base port");
		checkPort(postgresPort, "Postgres port");
		checkPort(kafkaPort, "Kafka port");
		if (kafkaPort == 65535) {
			throw new IllegalArgumentException(
					"Kafka port must leave room for the controller's on the next: " + kafkaPort);
		}
		if (basePort + SagaService.highestPortOffset() > 65535) {
			throw new IllegalArgumentException("base port must leave room for the " + SagaService.highestPortOffset()
					+ " ports of the services above it: " + basePort);
		}
	}

	/**
	 * @return the CLI's: gateway on 8080, Postgres on 15432, Kafka on 19092
	 */
	public static PortOptions fixed() {
		return new PortOptions(false, DEFAULT_BASE_PORT, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT);
	}

	/**
	 * @return the tests': a free port for every server
	 */
	public static PortOptions anyFree() {
		return new PortOptions(true, DEFAULT_BASE_PORT, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT);
	}

	private static void checkPort(int port, String what) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException(what + " must be between 1 and 65535: " + port);
		}
	}

}
