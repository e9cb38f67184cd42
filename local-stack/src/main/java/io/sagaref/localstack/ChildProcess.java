package io.sagaref.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OS process the stack owns (a service or the Kafka broker), its output appended to a
 * log file. It remembers whether the stack ended it, so an exit nobody asked for can be
 * told apart from a stop or a kill.
 */
final class ChildProcess {

	private static final int TAIL_BYTES = 16 * 1024;

	private static final int SIGINT_EXIT = 130;

	private static final int SIGTERM_EXIT = 143;

	private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

	private final String name;

	private final Path workingDirectory;

	private final Path logFile;

	private volatile @Nullable Process process;

	private long logOffset;

	private volatile boolean exitExpected;

	ChildProcess(String name, Path workingDirectory, Path logFile) {
		this.name = name;
		this.workingDirectory = workingDirectory;
		this.logFile = logFile;
	}

	/**
	 * Launches the process; a later exit that nobody asked for is logged as a warning.
	 * @param commandLine the program and its arguments
	 */
	synchronized void start(List<String> commandLine) {
		if (isAlive()) {
			throw new IllegalStateException(this.name + " is already running");
		}
		try {
			Files.createDirectories(this.logFile.getParent());
			Files.writeString(this.logFile,
					"=== " + LocalDateTime.now() + " starting " + this.name + ": " + String.join(" ", commandLine)
							+ System.lineSeparator(),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			this.logOffset = Files.size(this.logFile);
			this.exitExpected = false;
			Process started = new ProcessBuilder(commandLine).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.start();
			this.process = started;
			started.onExit().thenAccept(this::reportExit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
	}

	/**
	 * Asks the process to stop (SIGTERM) without waiting.
	 */
	synchronized void requestStop() {
		Process running = this.process;
		if (running != null && running.isAlive()) {
			this.exitExpected = true;
			running.destroy();
		}
	}

	/**
	 * Waits for a stop already requested, and kills the process if it is still running
	 * after the grace period.
	 * @param grace how long the graceful shutdown may still take
	 */
	synchronized void awaitStopped(Duration grace) {
		Process running = this.process;
		if (running != null && !waitFor(running, grace)) {
			log.warn("{} did not stop within the grace period; killing it", this.name);
			kill();
		}
	}

	/**
	 * Asks the process to stop (SIGTERM) and waits; kills it if it is still running after
	 * the grace period.
	 * @param grace how long a graceful shutdown may take
	 */
	synchronized void stop(Duration grace) {
		requestStop();
		awaitStopped(grace);
	}

	/**
	 * Kills the process at once (SIGKILL), as a crash would, and waits until it is gone.
	 */
	synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		if (running.isAlive()) {
			this.exitExpected = true;
		}
		running.destroyForcibly();
		waitFor(running, Duration.ofSeconds(30));
	}

	String name() {
		return this.name;
	}

	boolean isAlive() {
		Process running = this.process;
		return running != null && running.isAlive();
	}

	/**
	 * @return whether the last run ended without the stack stopping or killing it
	 */
	boolean hasExitedByItself() {
		Process last = this.process;
		return last != null && !last.isAlive() && !this.exitExpected;
	}

	/**
	 * @return the exit code of the last run once it has ended, however it ended
	 */
	OptionalInt exitValue() {
		Process last = this.process;
		return (last == null || last.isAlive()) ? OptionalInt.empty() : OptionalInt.of(last.exitValue());
	}

	/**
	 * @return the last lines this process (not an earlier run) wrote to its log
	 */
	String logTail() {
		List<String> lines = logLines(TAIL_BYTES);
		return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/**
	 * @param maxBytes how much of the end of the log to read at most
	 * @return the lines this process (not an earlier run) wrote to its log, as far as
	 * read
	 */
	List<String> logLines(int maxBytes) {
		try (var file = new RandomAccessFile(this.logFile.toFile(), "r")) {
			long from = Math.max(this.logOffset, file.length() - maxBytes);
			byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
			file.seek(from);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			return List.of("(could not read " + this.logFile + ": " + ex.getMessage() + ")");
		}
	}

	Path logFile() {
		return this.logFile;
	}

	private void reportExit(Process exited) {
		if (exited != this.process || this.exitExpected) {
			return;
		}
		int code = exited.exitValue();
		if (code == SIGINT_EXIT || code == SIGTERM_EXIT) {
			log.info("{} stopped by a signal", this.name);
		}
		else {
			log.warn("{} exited unexpectedly with code {}; see {}", this.name, code, this.logFile);
		}
	}

	private static boolean waitFor(Process process, Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
