package io.sagaref.orderquery.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.sagaref.orderquery.EventHistory;
import io.sagaref.orderquery.RecordedEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * The history on Kafka: each reader is a plain consumer assigned every partition of the
 * three topics, with no consumer group (it commits nothing and joins no group, so it
 * disturbs no listener), reading committed records only. The feed holds back a poll until
 * the listener's group has committed every partition at least as far as the feed had read
 * before it: the listener commits a poll after its transaction, so by then the projection
 * has stored everything before the held-back poll.
 */
final class KafkaEventHistory implements EventHistory {

	/** A replay that stops moving for this long has lost Kafka. */
	private static final Duration STALLED = Duration.ofSeconds(60);

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> adminConfig;

	private final List<String> topics;

	private final String projectionGroup;

	private final SagaEventReader reader;

	KafkaEventHistory(Map<String, Object> consumerConfig, Map<String, Object> adminConfig, List<String> topics,
			String projectionGroup, SagaEventReader reader) {
		this.consumerConfig = new HashMap<>(consumerConfig);
		this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		this.adminConfig = Map.copyOf(adminConfig);
		this.topics = List.copyOf(topics);
		this.projectionGroup = projectionGroup;
		this.reader = reader;
	}

	@Override
	public Replay replay() {
		Reader replay = new Reader();
		replay.consumer.seekToBeginning(replay.partitions.values());
		return replay;
	}

	@Override
	public Feed follow() {
		Reader feed = new Reader();
		feed.consumer.seekToEnd(feed.partitions.values());
		// fix the start now: what arrives from here on is followed
		feed.positions();
		return feed;
	}

	/** A consumer on every partition, as a replay or as a feed. */
	private final class Reader implements Replay, Feed {

		private final KafkaConsumer<String, String> consumer;

		/** By {@code topic-partition}. */
		private final Map<String, TopicPartition> partitions = new LinkedHashMap<>();

		private @Nullable Admin admin;

		private @Nullable List<RecordedEvent> heldBack;

		private Map<TopicPartition, Long> heldBackAfter = Map.of();

		Reader() {
			this.consumer = new KafkaConsumer<>(KafkaEventHistory.this.consumerConfig, new StringDeserializer(),
					new StringDeserializer());
			try {
				for (String topic : KafkaEventHistory.this.topics) {
					var infos = this.consumer.partitionsFor(topic);
					if (infos != null) {
						infos.forEach((info) -> {
							var partition = new TopicPartition(topic, info.partition());
							this.partitions.put(partition.toString(), partition);
						});
					}
				}
				this.consumer.assign(this.partitions.values());
			}
			catch (RuntimeException ex) {
				this.consumer.close();
				throw ex;
			}
		}

		@Override
		public Position end() {
			Map<String, Long> end = new HashMap<>();
			this.consumer.endOffsets(this.partitions.values())
				.forEach((partition, offset) -> end.put(partition.toString(), offset));
			return new Position(end);
		}

		@Override
		public long readTo(Position end, Consumer<List<RecordedEvent>> batches) {
			long handed = 0;
			long lastMove = System.nanoTime();
			Map<TopicPartition, Long> before = positions();
			while (!reached(end)) {
				List<RecordedEvent> batch = read(this.consumer.poll(Duration.ofMillis(500)));
				if (!batch.isEmpty()) {
					batches.accept(batch);
					handed += batch.size();
				}
				Map<TopicPartition, Long> now = positions();
				if (!now.equals(before)) {
					before = now;
					lastMove = System.nanoTime();
				}
				else if (System.nanoTime() - lastMove > STALLED.toNanos()) {
					throw new IllegalStateException("The replay has not moved for " + STALLED + "; is Kafka up?");
				}
			}
			return handed;
		}

		private boolean reached(Position end) {
			return end.offsets().entrySet().stream().allMatch((entry) -> {
				TopicPartition partition = this.partitions.get(entry.getKey());
				return partition == null || this.consumer.position(partition) >= entry.getValue();
			});
		}

		@Override
		public List<RecordedEvent> next(Duration timeout) {
			if (this.heldBack == null) {
				Map<TopicPartition, Long> before = positions();
				List<RecordedEvent> batch = read(this.consumer.poll(timeout));
				if (batch.isEmpty()) {
					return List.of();
				}
				this.heldBack = batch;
				this.heldBackAfter = before;
			}
			if (!projectedUpTo(this.heldBackAfter, timeout)) {
				return List.of();
			}
			List<RecordedEvent> batch = this.heldBack;
			this.heldBack = null;
			return batch;
		}

		/**
		 * @return whether the listener's group has committed every partition up to
		 * {@code positions}, checked until the timeout
		 */
		private boolean projectedUpTo(Map<TopicPartition, Long> positions, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (true) {
				Map<TopicPartition, OffsetAndMetadata> committed = committed();
				boolean caughtUp = positions.entrySet().stream().allMatch((entry) -> {
					OffsetAndMetadata offset = committed.get(entry.getKey());
					return entry.getValue() == 0 || (offset != null && offset.offset() >= entry.getValue());
				});
				if (caughtUp) {
					return true;
				}
				if (System.nanoTime() > deadline) {
					return false;
				}
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}

		private Map<TopicPartition, OffsetAndMetadata> committed() {
			if (this.admin == null) {
				this.admin = Admin.create(KafkaEventHistory.this.adminConfig);
			}
			try {
				Map<TopicPartition, OffsetAndMetadata> offsets = this.admin
					.listConsumerGroupOffsets(KafkaEventHistory.this.projectionGroup)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				return (offsets != null) ? offsets : Map.of();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while reading the projection's offsets", ex);
			}
			catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
				throw new IllegalStateException("Could not read the projection's offsets: " + ex.getMessage(), ex);
			}
		}

		private Map<TopicPartition, Long> positions() {
			Map<TopicPartition, Long> positions = new HashMap<>();
			this.partitions.values()
				.forEach((partition) -> positions.put(partition, this.consumer.position(partition)));
			return positions;
		}

		private List<RecordedEvent> read(Iterable<ConsumerRecord<String, String>> records) {
			List<RecordedEvent> events = new ArrayList<>();
			for (ConsumerRecord<String, String> record : records) {
				KafkaEventHistory.this.reader.read(record).ifPresent(events::add);
			}
			return events;
		}

		@Override
		public void close() {
			this.consumer.close(Duration.ofSeconds(5));
			if (this.admin != null) {
				this.admin.close(Duration.ofSeconds(5));
			}
		}

	}

}
