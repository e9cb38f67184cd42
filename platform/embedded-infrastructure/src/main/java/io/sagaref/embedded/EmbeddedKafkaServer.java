package io.sagaref.embedded;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode running in this JVM (spring-kafka-test's broker).
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * Starts a single-node broker on a free port.
	 * @param partitions default partition count of topics created on first use
	 * @return the running broker
	 */
	public static EmbeddedKafkaServer start(int partitions) {
		var broker = new EmbeddedKafkaKraftBroker(1, partitions);
		broker.brokerProperties(java.util.Map.of("auto.create.topics.enable", "true",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
		broker.afterPropertiesSet();
		return new EmbeddedKafkaServer(broker);
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
