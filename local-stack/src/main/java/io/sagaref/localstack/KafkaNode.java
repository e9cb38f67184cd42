package io.sagaref.localstack;

import java.util.Arrays;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * The main class of the Kafka process that {@link KafkaProcess} starts: formats a new log
 * directory first (Kafka's {@code kafka-storage format}), then runs the broker. Doing
 * both in one JVM saves starting a second one for the format, and Kafka's tools may end
 * the JVM they run in, which is why neither runs in the stack's own.
 * <p>
 * Arguments: {@code [--format=<cluster id>] <server.properties>}.
 */
public final class KafkaNode {

	private static final String FORMAT = "--format=";

	private KafkaNode() {
	}

	public static void main(String[] args) {
		if (args.length == 0 || args.length > 2 || (args.length == 2 && !args[0].startsWith(FORMAT))) {
			throw new IllegalArgumentException(
					"Expected [--format=<cluster id>] <server.properties>, got " + Arrays.toString(args));
		}
		stopWithTheStack();
		String serverProperties = args[args.length - 1];
		if (args.length == 2) {
			String clusterId = args[0].substring(FORMAT.length());
			int code = StorageTool.execute(new String[] { "format", "-t", clusterId, "-c", serverProperties },
					System.out);
			if (code != 0) {
				System.err.println("Formatting the Kafka log directory failed with code " + code);
				Runtime.getRuntime().exit(code);
			}
		}
		Kafka.main(new String[] { serverProperties });
	}

	/**
	 * Stops the broker (gracefully, through its shutdown hook) when the JVM that started
	 * it is gone, e.g. a killed launcher or test JVM, instead of leaving it on its port.
	 */
	private static void stopWithTheStack() {
		ProcessHandle.current().parent().ifPresent((stack) -> stack.onExit().thenRun(() -> {
			System.err.println("The local stack's JVM (pid " + stack.pid() + ") is gone: stopping Kafka");
			Runtime.getRuntime().exit(0);
		}));
	}

}
