package io.sagaref.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * One instance of a service running as its own OS process, its output appended to its log
 * file. It can be stopped gracefully (SIGTERM, then SIGKILL after a grace period),
 * killed, and started again with the same command or a changed one.
 */
final class ServiceProcess implements HealthCheck.Target {

	private final SagaService service;

	private final ChildProcess process;

	private final ServiceCommand command;

	private volatile ServiceCommand running;

	ServiceProcess(String name, SagaService service, ServiceCommand command, Path workingDirectory, Path logFile) {
		this.service = service;
		this.process = new ChildProcess(name, workingDirectory, logFile);
		this.command = command;
		this.running = command;
	}

	/**
	 * Launches the process with its own command.
	 */
	void start() {
		start(this.command);
	}

	/**
	 * Launches the process with another command for this run only (e.g. more properties);
	 * a later {@link #start()} goes back to its own.
	 * @param command the command of this run
	 */
	synchronized void start(ServiceCommand command) {
		this.process.start(command.toList());
		this.running = command;
	}

	void stop(Duration grace) {
		this.process.stop(grace);
	}

	void requestStop() {
		this.process.requestStop();
	}

	void awaitStopped(Duration grace) {
		this.process.awaitStopped(grace);
	}

	void kill() {
		this.process.kill();
	}

	@Override
	public String name() {
		return this.process.name();
	}

	SagaService service() {
		return this.service;
	}

	/**
	 * @return the port this instance listens on
	 */
	int port() {
		return Integer.parseInt(this.command.properties().get("server.port"));
	}

	/**
	 * @return the command it starts with unless told otherwise
	 */
	ServiceCommand ownCommand() {
		return this.command;
	}

	/**
	 * @return the command of the current (or last) run
	 */
	ServiceCommand command() {
		return this.running;
	}

	@Override
	public URI healthUrl() {
		return URI.create("http://localhost:" + port() + "/actuator/health");
	}

	@Override
	public boolean isAlive() {
		return this.process.isAlive();
	}

	boolean hasExitedByItself() {
		return this.process.hasExitedByItself();
	}

	OptionalInt exitValue() {
		return this.process.exitValue();
	}

	@Override
	public String logTail() {
		return this.process.logTail();
	}

	Path logFile() {
		return this.process.logFile();
	}

}
