package io.sagaref.messaging.deadletter;

/**
 * Where a replayed dead letter was published.
 *
 * @param dltTopic the dead-letter topic it was read from
 * @param dltPartition its partition there
 * @param dltOffset its offset there
 * @param topic the original topic it was published to again
 * @param partition the partition it landed in
 * @param offset its new offset
 */
public record Replayed(String dltTopic, int dltPartition, long dltOffset, String topic, int partition, long offset) {
}
