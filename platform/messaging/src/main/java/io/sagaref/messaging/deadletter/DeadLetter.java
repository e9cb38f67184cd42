package io.sagaref.messaging.deadletter;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A dead letter as an operator needs to judge it: where it lies, where it came from, why
 * it failed and what it says.
 *
 * @param dltTopic the dead-letter topic
 * @param partition its partition in the dead-letter topic
 * @param offset its offset in the dead-letter topic, what a replay names
 * @param key the record key (the saga id)
 * @param originalTopic the topic it was consumed from
 * @param originalPartition the partition it was consumed from
 * @param originalOffset the offset it was consumed from
 * @param exceptionMessage why the last delivery failed
 * @param attempts how many deliveries failed before it was dead-lettered
 * @param deadLetteredAt when it was dead-lettered
 * @param value the message as text, cut at {@value DeadLetters#MAX_VALUE_LENGTH}
 * characters
 * @param valueTruncated whether {@code value} was cut
 */
public record DeadLetter(String dltTopic, int partition, long offset, @Nullable String key,
		@Nullable String originalTopic, @Nullable Integer originalPartition, @Nullable Long originalOffset,
		@Nullable String exceptionMessage, @Nullable Integer attempts, Instant deadLetteredAt, @Nullable String value,
		boolean valueTruncated) {
}
