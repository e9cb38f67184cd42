package io.sagaref.systemtest;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts arbitrary records on a topic, as a buggy or hostile producer would.
 */
public final class PoisonProducer implements AutoCloseable {

	private final KafkaProducer<String, String> producer;

	public PoisonProducer(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer());
	}

	/**
	 * Sends a record and waits for the broker's acknowledgement.
	 * @param topic the topic
	 * @param key the key
	 * @param value the value, anything at all
	 */
	public void send(String topic, String key, String value) {
		try {
			this.producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
