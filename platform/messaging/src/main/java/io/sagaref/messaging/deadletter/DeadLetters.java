package io.sagaref.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sagaref.messaging.inbox.ErrorPolicy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads this service's dead letters and publishes one again to its original topic. Each
 * call uses its own short-lived consumer that is assigned the partitions and seeks, with
 * no consumer group, so it commits nothing and disturbs no listener. A dead letter
 * belongs to the service whose consumer group failed it
 * ({@code kafka_dlt-original-consumer-group}). Replaying to the original topic is safe
 * for every consumer group of that topic: one that applied the event already skips it
 * through its inbox (within the inbox retention).
 */
public class DeadLetters {

	/** Longest part of a message's value a listing shows. */
	public static final int MAX_VALUE_LENGTH = 2000;

	/** Header naming the dead letter a replayed record came from. */
	public static final String REPLAYED_FROM_HEADER = "saga-dlt-replayed-from";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final Map<String, Object> consumerConfig;

	private final KafkaTemplate<String, String> kafka;

	private final List<String> topics;

	private final String consumerGroup;

	private final Duration timeout;

	private final AtomicInteger consumers = new AtomicInteger();

	/**
	 * @param consumerConfig the service's Kafka consumer settings (bootstrap servers,
	 * security); group and deserializers are replaced
	 * @param kafka the producer replays are sent with
	 * @param topics the service's topics, whose {@code .DLT} companions are read
	 * @param consumerGroup the consumer group whose dead letters are this service's
	 * @param timeout how long one call may wait for Kafka
	 */
	public DeadLetters(Map<String, Object> consumerConfig, KafkaTemplate<String, String> kafka, List<String> topics,
			String consumerGroup, Duration timeout) {
		this.consumerConfig = new HashMap<>(consumerConfig);
		this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		this.kafka = kafka;
		this.topics = List.copyOf(topics);
		this.consumerGroup = consumerGroup;
		this.timeout = timeout;
	}

	/**
	 * @param limit most dead letters to return; the newest are kept
	 * @return this service's dead letters on the dead-letter topics of its topics, by
	 * topic, partition and offset
	 */
	public List<DeadLetter> list(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		List<DeadLetter> found = new ArrayList<>();
		try (var consumer = newConsumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String dlt : dltTopics()) {
				var infos = consumer.partitionsFor(dlt);
				if (infos != null) {
					infos.forEach((info) -> partitions.add(new TopicPartition(dlt, info.partition())));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (partitions.stream().anyMatch((tp) -> consumer.position(tp) < end.get(tp))) {
				if (System.nanoTime() > deadline) {
					throw new TimeoutException("Could not read the dead-letter topics within " + this.timeout);
				}
				for (var record : consumer.poll(Duration.ofMillis(200))) {
					if (isOurs(record)) {
						found.add(view(record));
					}
				}
			}
		}
		found.sort(Comparator.comparing(DeadLetter::dltTopic)
			.thenComparingInt(DeadLetter::partition)
			.thenComparingLong(DeadLetter::offset));
		return List.copyOf(found.subList(Math.max(0, found.size() - limit), found.size()));
	}

	/**
	 * Publishes a dead letter's key, value and headers (without the dead-letter ones) to
	 * its original topic, and waits for Kafka's acknowledgement.
	 * @param dltTopic the dead-letter topic
	 * @param partition the partition in it
	 * @param offset the offset in it
	 * @return where it was published
	 * @throws NoSuchElementException if there is no dead letter of this service there
	 */
	public Replayed replay(String dltTopic, int partition, long offset) {
		ConsumerRecord<String, String> record = read(dltTopic, partition, offset);
		String target = originalTopic(record);
		var replay = new ProducerRecord<>(target, null, record.key(), record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(ErrorPolicy.ATTEMPTS_HEADER)
					&& !header.key().equals(REPLAYED_FROM_HEADER)) {
				replay.headers().add(header);
			}
		}
		replay.headers()
			.add(REPLAYED_FROM_HEADER, (dltTopic + "-" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8));
		try {
			var sent = this.kafka.send(replay).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
			log.info("Replayed dead letter {}-{}@{} to {}-{}@{}", dltTopic, partition, offset, sent.topic(),
					sent.partition(), sent.offset());
			return new Replayed(dltTopic, partition, offset, sent.topic(), sent.partition(), sent.offset());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying a dead letter", ex);
		}
		catch (Exception ex) {
			throw new TimeoutException("Kafka did not acknowledge the replay of " + dltTopic + "-" + partition + "@"
					+ offset + ": " + ex.getMessage(), ex);
		}
	}

	private ConsumerRecord<String, String> read(String dltTopic, int partition, long offset) {
		String where = dltTopic + "-" + partition + "@" + offset;
		if (!dltTopics().contains(dltTopic)) {
			throw new NoSuchElementException(
					"No dead letter at " + where + ": " + dltTopic + " is not one of " + dltTopics());
		}
		try (var consumer = newConsumer()) {
			var infos = consumer.partitionsFor(dltTopic);
			if (infos == null || infos.stream().noneMatch((info) -> info.partition() == partition)) {
				throw new NoSuchElementException("No dead letter at " + where + ": no such partition");
			}
			var tp = new TopicPartition(dltTopic, partition);
			consumer.assign(List.of(tp));
			long first = consumer.beginningOffsets(List.of(tp)).get(tp);
			long end = consumer.endOffsets(List.of(tp)).get(tp);
			if (offset < first || offset >= end) {
				throw new NoSuchElementException(
						"No dead letter at " + where + ": offsets there run from " + first + " to " + (end - 1));
			}
			consumer.seek(tp, offset);
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (consumer.position(tp) <= offset) {
				if (System.nanoTime() > deadline) {
					throw new TimeoutException("Could not read " + where + " within " + this.timeout);
				}
				for (var record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return ours(record, where);
					}
				}
			}
			throw new NoSuchElementException("No dead letter at " + where);
		}
	}

	private ConsumerRecord<String, String> ours(ConsumerRecord<String, String> record, String where) {
		if (!isOurs(record)) {
			throw new NoSuchElementException("No dead letter of " + this.consumerGroup + " at " + where
					+ ": it was dead-lettered by " + text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
		}
		return record;
	}

	private String originalTopic(ConsumerRecord<String, String> record) {
		String original = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (original == null) {
			original = record.topic().substring(0, record.topic().length() - ErrorPolicy.DLT_SUFFIX.length());
		}
		if (!this.topics.contains(original)) {
			throw new IllegalStateException("The dead letter's original topic " + original + " is not one of "
					+ this.topics + "; it is not replayed");
		}
		return original;
	}

	private boolean isOurs(ConsumerRecord<String, String> record) {
		return this.consumerGroup.equals(text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
	}

	private List<String> dltTopics() {
		return this.topics.stream().map((topic) -> topic + ErrorPolicy.DLT_SUFFIX).toList();
	}

	private KafkaConsumer<String, String> newConsumer() {
		Map<String, Object> config = new HashMap<>(this.consumerConfig);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG,
				this.consumerGroup + "-dead-letters-" + this.consumers.incrementAndGet());
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	private static DeadLetter view(ConsumerRecord<String, String> record) {
		String value = record.value();
		boolean truncated = value != null && value.length() > MAX_VALUE_LENGTH;
		Long originalPartition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
				text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				(originalPartition != null) ? originalPartition.intValue() : null,
				number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
				attempts(text(record, ErrorPolicy.ATTEMPTS_HEADER)), Instant.ofEpochMilli(record.timestamp()),
				truncated ? value.substring(0, MAX_VALUE_LENGTH) : value, truncated);
	}

	private static @Nullable Integer attempts(@Nullable String header) {
		try {
			return (header != null) ? Integer.valueOf(header.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String text(ConsumerRecord<?, ?> record, String header) {
		Header found = record.headers().lastHeader(header);
		return (found != null && found.value() != null) ? new String(found.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * Spring Kafka writes the original partition as 4 bytes and the offset as 8.
	 */
	private static @Nullable Long number(ConsumerRecord<?, ?> record, String header) {
		Header found = record.headers().lastHeader(header);
		if (found == null || found.value() == null) {
			return null;
		}
		byte[] bytes = found.value();
		return switch (bytes.length) {
			case Integer.BYTES -> (long) ByteBuffer.wrap(bytes).getInt();
			case Long.BYTES -> ByteBuffer.wrap(bytes).getLong();
			default -> null;
		};
	}

}
