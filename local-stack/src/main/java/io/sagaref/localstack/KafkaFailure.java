package io.sagaref.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * What a broker that failed to start says about it: Kafka's shutdown after a fatal error
 * buries the errors under many lines, so they are picked out.
 */
final class KafkaFailure {

	private KafkaFailure() {
	}

	/**
	 * @param process the broker's process
	 * @return the errors of its last run's log (with their stack traces) and its last
	 * lines
	 */
	static String report(ChildProcess process) {
		List<String> lines = process.logLines(4 * 1024 * 1024);
		var errors = new ArrayList<String>();
		int continuation = 0;
		for (String line : lines) {
			boolean logLine = !line.isEmpty() && Character.isDigit(line.charAt(0));
			if (line.contains(" ERROR ")) {
				errors.add(line);
				continuation = 6;
			}
			else if (!logLine && continuation-- > 0) {
				errors.add(line);
			}
			else if (logLine) {
				continuation = 0;
			}
		}
		List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
		return "Errors in " + process.logFile() + ":\n" + String.join("\n", errors) + "\nLast lines:\n"
				+ String.join("\n", last);
	}

}
