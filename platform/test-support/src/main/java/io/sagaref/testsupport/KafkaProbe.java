package io.sagaref.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * A test's own Kafka client: sends records as another service would, and records
 * everything on the topics it watches so a test can wait for what a service published.
 */
public final class KafkaProbe implements AutoCloseable {

	private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

	private final KafkaProducer<String, String> producer;

	private final Thread poller;

	private volatile boolean running = true;

	private KafkaProbe(String bootstrapServers, List<String> topics) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer());
		var consumer = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(topics);
		this.poller = Thread.ofPlatform().daemon().name("kafka-probe").start(() -> {
			try (consumer) {
				while (this.running) {
					consumer.poll(Duration.ofMillis(100)).forEach(this.received::add);
				}
			}
		});
	}

	/**
	 * Starts watching topics from their beginning.
	 * @param topics the topics
	 * @return the probe
	 */
	public static KafkaProbe watch(String... topics) {
		return new KafkaProbe(TestInfrastructure.bootstrapServers(), List.of(topics));
	}

	/**
	 * Sends a record and waits for the broker's acknowledgement.
	 * @param topic the topic
	 * @param key the key
	 * @param value the value, usually an envelope from {@link TestEvents}
	 */
	public void send(String topic, String key, String value) {
		sendAll(List.of(new ProducerRecord<>(topic, key, value)));
	}

	/**
	 * Sends records in the order given without waiting for each acknowledgement, then
	 * waits for all of them: a burst arrives as consumers would see it under load.
	 * @param records the records (topic, key, value)
	 */
	public void sendAll(List<ProducerRecord<String, String>> records) {
		var sent = records.stream().map(this.producer::send).toList();
		try {
			for (var ack : sent) {
				ack.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send " + records.size() + " records", ex);
		}
	}

	/**
	 * @return every record received so far on the topic
	 */
	public List<ConsumerRecord<String, String>> records(String topic) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		for (var record : this.received) {
			if (record.topic().equals(topic)) {
				records.add(record);
			}
		}
		return records;
	}

	/**
	 * Waits up to 30 seconds for a matching record.
	 * @param topic the topic
	 * @param matching what the record must satisfy
	 * @return the first matching record
	 */
	public ConsumerRecord<String, String> awaitRecord(String topic,
			Predicate<ConsumerRecord<String, String>> matching) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> records(topic).stream().filter(matching).findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/**
	 * Waits for an event of a type about one saga.
	 * @param topic the topic
	 * @param type the event type
	 * @param sagaId the order id the event must be keyed by
	 * @return the record
	 */
	public ConsumerRecord<String, String> awaitEvent(String topic, String type, String sagaId) {
		return awaitRecord(topic, (r) -> sagaId.equals(r.key()) && TestEvents.typeOf(r.value()).equals(type));
	}

	@Override
	public void close() {
		this.running = false;
		this.producer.close();
		try {
			this.poller.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
