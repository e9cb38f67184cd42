package io.sagaref.localstack;

/**
 * How Postgres and Kafka run: with their data kept or thrown away, durable or fast.
 *
 * @param persistent whether Postgres and Kafka keep their data in the data directory
 * across runs (else throwaway directories, deleted on close; they still survive a stop
 * and start of Postgres or Kafka within the run)
 * @param reset whether to wipe the kept data before starting
 * @param durable whether Postgres flushes every commit to disk (fsync, synchronous
 * commit)
 * @param kafkaPartitions partitions of each topic the broker creates
 */
public record InfrastructureOptions(boolean persistent, boolean reset, boolean durable, int kafkaPartitions) {

	/**
	 * Partitions per topic: the most instances of a service that can consume in parallel.
	 */
	public static final int DEFAULT_KAFKA_PARTITIONS = 4;

	public InfrastructureOptions {
		if (kafkaPartitions < 1) {
			throw new IllegalArgumentException("Kafka partitions must be at least 1: " + kafkaPartitions);
		}
	}

	/**
	 * @return the CLI's: data kept across runs, Postgres durable
	 */
	public static InfrastructureOptions kept() {
		return new InfrastructureOptions(true, false, true, DEFAULT_KAFKA_PARTITIONS);
	}

	/**
	 * @return the tests': throwaway data, Postgres without fsync
	 */
	public static InfrastructureOptions throwaway() {
		return new InfrastructureOptions(false, false, false, DEFAULT_KAFKA_PARTITIONS);
	}

	/**
	 * @param reset whether to wipe the kept data before starting
	 * @return a copy with that setting
	 */
	public InfrastructureOptions withReset(boolean reset) {
		return new InfrastructureOptions(this.persistent, reset, this.durable, this.kafkaPartitions);
	}

}
