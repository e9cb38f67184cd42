package io.sagaref.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the stack finds its jars and where it writes.
 *
 * @param repoRoot the repository root, where {@code <module>/target/*-exec.jar} are found
 * @param dataDirectory where the logs ({@code logs/<service>.log},
 * {@code logs/kafka.log}) and, if kept, the Postgres and Kafka data ({@code postgres/},
 * {@code kafka/}) live
 */
public record StackPaths(Path repoRoot, Path dataDirectory) {

	public StackPaths {
		repoRoot = repoRoot.toAbsolutePath().normalize();
		dataDirectory = dataDirectory.toAbsolutePath().normalize();
	}

	/**
	 * @param repoRoot the repository root
	 * @return the repository with its data in {@code <repoRoot>/.local-stack}
	 */
	public static StackPaths inRepository(Path repoRoot) {
		return new StackPaths(repoRoot, repoRoot.resolve(".local-stack"));
	}

	/**
	 * @return the directory of the service and Kafka logs
	 */
	public Path logs() {
		return this.dataDirectory.resolve("logs");
	}

	/**
	 * @param start a directory inside the repository, e.g. a module's working directory
	 * in its tests
	 * @return the nearest directory at or above it with the Maven wrapper and the
	 * local-stack module
	 * @throws IllegalArgumentException if there is none
	 */
	public static Path findRepoRoot(Path start) {
		for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
				return dir;
			}
		}
		throw new IllegalArgumentException("No repository root (with mvnw and local-stack/) at or above " + start);
	}

}
