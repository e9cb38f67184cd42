package io.sagaref.localstack.cli;

/**
 * The launcher's own progress at INFO, the embedded servers' chatter only at WARN
 * (slf4j-simple reads these properties once, before the first logger). A property set on
 * the command line ({@code -Dorg.slf4j.simpleLogger...}) wins.
 */
final class LauncherLogging {

	private LauncherLogging() {
	}

	static void quiet() {
		defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		defaultProperty("org.slf4j.simpleLogger.log.io.sagaref.localstack", "info");
		defaultProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
		defaultProperty("org.slf4j.simpleLogger.log.kafka", "error");
		defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
		defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
		defaultProperty("org.slf4j.simpleLogger.showThreadName", "false");
		defaultProperty("org.slf4j.simpleLogger.showShortLogName", "false");
		defaultProperty("org.slf4j.simpleLogger.showLogName", "false");
		defaultProperty("org.slf4j.simpleLogger.logFile", "System.out");
	}

	private static void defaultProperty(String key, String value) {
		if (System.getProperty(key) == null) {
			System.setProperty(key, value);
		}
	}

}
