package io.sagaref.localstack;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a JVM that runs a class from this JVM's own class path, whether the
 * stack runs from the launcher's executable jar (Spring Boot's nested jars, reached
 * through its {@code PropertiesLauncher}) or from a plain class path (tests, IDEs).
 */
final class ChildJvm {

	private static final String BOOT_LOADER_PACKAGE = "org.springframework.boot.loader.";

	private static final String PROPERTIES_LAUNCHER = BOOT_LOADER_PACKAGE + "launch.PropertiesLauncher";

	private static final String SIMPLE_LOGGER_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

	private ChildJvm() {
	}

	/**
	 * @param jvmOptions options of the new JVM
	 * @param mainClass the class to run
	 * @param arguments its arguments
	 * @return the command line
	 */
	static List<String> command(List<String> jvmOptions, String mainClass, List<String> arguments) {
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(absoluteClassPath());
		if (runsFromExecutableJar()) {
			command.add("-Dloader.main=" + mainClass);
			command.add(PROPERTIES_LAUNCHER);
		}
		else {
			command.add(mainClass);
		}
		command.addAll(arguments);
		return command;
	}

	/**
	 * @return system properties that send the child's logging through slf4j-simple (if
	 * this class path has it, e.g. next to Logback in a service's tests) at INFO, with
	 * times, to its output
	 */
	static List<String> simpleLogging() {
		if (!isPresent(SIMPLE_LOGGER_PROVIDER)) {
			return List.of();
		}
		return List.of("-Dslf4j.provider=" + SIMPLE_LOGGER_PROVIDER, "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
				"-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn",
				"-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
	}

	/**
	 * @return this JVM's class path with every entry absolute, since the child may run in
	 * another directory
	 */
	private static String absoluteClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> Path.of(entry).toAbsolutePath().normalize().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static boolean runsFromExecutableJar() {
		ClassLoader loader = ChildJvm.class.getClassLoader();
		return loader != null && loader.getClass().getName().startsWith(BOOT_LOADER_PACKAGE);
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, ChildJvm.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
