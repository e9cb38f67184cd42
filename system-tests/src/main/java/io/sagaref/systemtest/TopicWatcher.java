package io.sagaref.systemtest;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every saga topic as an outside observer and counts how many records carried an
 * event id already seen: the duplicates that reached consumers, which must change
 * nothing.
 */
public final class TopicWatcher implements AutoCloseable {

	private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");

	private final Set<String> seen = new HashSet<>();

	private final AtomicLong records = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private final Thread poller;

	private volatile boolean running = true;

	private TopicWatcher(String bootstrapServers, List<String> topics) {
		var consumer = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.GROUP_ID_CONFIG, "watcher-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(topics);
		this.poller = Thread.ofPlatform().daemon().name("topic-watcher").start(() -> {
			try (consumer) {
				while (this.running) {
					for (var record : consumer.poll(Duration.ofMillis(200))) {
						count(record.value());
					}
				}
			}
			catch (RuntimeException ex) {
				// the watcher is an observer; a broker outage only pauses it
			}
		});
	}

	public static TopicWatcher watch(String bootstrapServers) {
		return new TopicWatcher(bootstrapServers, List.of("orders.events", "payments.events", "inventory.events"));
	}

	private synchronized void count(String value) {
		this.records.incrementAndGet();
		Matcher id = EVENT_ID.matcher((value != null) ? value : "");
		if (id.find() && !this.seen.add(id.group(1))) {
			this.duplicates.incrementAndGet();
		}
	}

	public long records() {
		return this.records.get();
	}

	/**
	 * @return records whose event id had been delivered before
	 */
	public long duplicates() {
		return this.duplicates.get();
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.poller.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
