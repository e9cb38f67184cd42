package io.sagaref.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a fault run, one row per fault, written as a Markdown table so that
 * docs/reliability.md can quote the last run.
 */
public final class FaultReport {

	private final List<String> rows = new ArrayList<>();

	/**
	 * Records one fault's outcome.
	 * @param fault what was broken and how
	 * @param accepted orders accepted (202) while it happened
	 * @param refused orders refused or unreachable while it happened
	 * @param lost accepted orders that did not reach a terminal state or disagree with
	 * the read model
	 * @param duplicatesDelivered records on the topics that repeated an event id
	 * @param recovery from the end of the fault to the system being quiet with every
	 * invariant holding (money, stock, reservations: a double debit, refund, reservation
	 * or release breaks one of them)
	 */
	public synchronized void add(String fault, int accepted, int refused, int lost, long duplicatesDelivered,
			Duration recovery) {
		this.rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | held | %.1f s |", fault, accepted, refused,
				lost, duplicatesDelivered, recovery.toMillis() / 1000.0));
	}

	/**
	 * Writes the table.
	 * @param file where to write it
	 */
	public synchronized void write(Path file) {
		List<String> lines = new ArrayList<>();
		lines.add("| fault | orders accepted | orders refused | orders lost | duplicate deliveries | invariants "
				+ "| time to recover |");
		lines.add("|---|---|---|---|---|---|---|");
		lines.addAll(this.rows);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
