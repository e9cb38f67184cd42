package io.sagaref.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a message whose handler fails. Poison (unparseable, unknown, invalid)
 * goes to {@code <topic>.DLT} at once; an infrastructure outage (database down) is
 * retried with capped backoff for as long as it lasts, since every message would fail
 * alike; anything else is retried a few times and then dead-lettered, so no message
 * stalls its partition. Dead letters carry the cause, the original topic, partition and
 * offset (Spring's {@code kafka_dlt-*} headers) and {@value #ATTEMPTS_HEADER}.
 */
public final class ErrorPolicy {

	/**
	 * Header of a dead letter that counts the deliveries it got before it was
	 * dead-lettered.
	 */
	public static final String ATTEMPTS_HEADER = "saga-dlt-attempts";

	/** Suffix of the dead-letter topic of every topic. */
	public static final String DLT_SUFFIX = ".DLT";

	private ErrorPolicy() {
	}

	public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, int attempts, Duration initial,
			Duration max) {
		AtomicReference<DefaultErrorHandler> self = new AtomicReference<>();
		var recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
		recoverer.addHeadersFunction((record, ex) -> {
			// the tracker answers with the number of the *next* delivery: the failed ones
			// are one less
			int delivered = self.get()
				.deliveryAttempt(new TopicPartitionOffset(record.topic(), record.partition(), record.offset())) - 1;
			var headers = new RecordHeaders();
			headers.add(ATTEMPTS_HEADER, Integer.toString(Math.max(delivered, 1)).getBytes(StandardCharsets.UTF_8));
			return headers;
		});
		var limited = new ExponentialBackOffWithMaxRetries(Math.max(attempts - 1, 0));
		limited.setInitialInterval(initial.toMillis());
		limited.setMaxInterval(max.toMillis());
		var handler = new DefaultErrorHandler(recoverer, limited);
		var unlimited = new ExponentialBackOff(initial.toMillis(), 2.0);
		unlimited.setMaxInterval(max.toMillis());
		handler.setBackOffFunction((record, ex) -> isOutage(ex) ? unlimited : null);
		handler.addNotRetryableExceptions(PoisonMessageException.class, IllegalArgumentException.class);
		self.set(handler);
		return handler;
	}

	/**
	 * Tells an infrastructure outage from a failure of this message.
	 * @param ex the failure
	 * @return true if the database or broker was unreachable
	 */
	public static boolean isOutage(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransientDataAccessException || t instanceof java.sql.SQLTransientException
					|| t instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}

}
