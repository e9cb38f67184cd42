package io.sagaref.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's service processes by name: the first instance of each chosen service (named
 * as the service) and any extra ones ({@code payment-service#2}). Once {@link #stopAll()}
 * has begun, none starts any more.
 */
final class ServiceInstances {

	private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

	private final StackOptions options;

	private final Map<SagaService, Integer> ports;

	private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();

	private final Map<SagaService, Integer> extraInstances = new EnumMap<>(SagaService.class);

	private final HealthCheck healthCheck = new HealthCheck(Duration.ofMillis(200));

	private boolean stopping;

	/**
	 * @param options the stack's options
	 * @param ports every service's port, running or not (the gateway is told them all)
	 */
	ServiceInstances(StackOptions options, Map<SagaService, Integer> ports) {
		this.options = options;
		this.ports = ports;
	}

	/**
	 * Starts the first instance of each service, wired to the servers, and waits until
	 * all are healthy.
	 * @param jars each service's executable jar, in start order
	 * @param jdbcUrl the saga database, as the services reach it
	 * @param bootstrapServers the broker, as the services reach it
	 */
	void startAll(Map<SagaService, Path> jars, String jdbcUrl, String bootstrapServers) {
		var launched = new ArrayList<ServiceProcess>();
		synchronized (this) {
			jars.forEach((service, jar) -> {
				checkOpen();
				var command = ServiceCommand.of(service, jar, this.ports, jdbcUrl, bootstrapServers,
						this.options.services());
				String name = service.serviceName();
				var process = new ServiceProcess(this, name, service, command, logFile(name));
				log.info("Starting {} on port {} (log: {})", name, this.ports.get(service), process.logFile());
				this.processes.put(name, process);
				process.launchWithoutWaiting();
				launched.add(process);
			});
		}
		awaitHealthy(launched);
	}

	/**
	 * @param name a service of the stack or an extra instance of one
	 * @return its process
	 * @throws IllegalArgumentException if the service is unknown, not part of the stack,
	 * or no such instance was started
	 */
	synchronized ServiceProcess named(String name) {
		int separator = name.indexOf('#');
		running((separator < 0) ? name : name.substring(0, separator));
		ServiceProcess process = this.processes.get(name);
		if (process == null) {
			throw new IllegalArgumentException(
					name + " has not been started (instances: " + String.join(", ", this.processes.keySet()) + ")");
		}
		return process;
	}

	/**
	 * @param service a service of the stack
	 * @return its instances, the first first
	 */
	synchronized List<ServiceProcess> of(String service) {
		SagaService known = running(service);
		return this.processes.values().stream().filter((process) -> process.service() == known).toList();
	}

	/**
	 * Starts one more instance of a service on a free port with the same settings, and
	 * waits until it is healthy.
	 * @param service a service of the stack
	 * @return the new instance
	 */
	ServiceProcess startExtra(String service) {
		SagaService known = running(service);
		ServiceProcess instance;
		synchronized (this) {
			checkOpen();
			int number = this.extraInstances.merge(known, 2, (last, one) -> last + 1);
			String name = known.serviceName() + '#' + number;
			int port = freePort();
			var command = named(known.serviceName()).command()
				.withProperties(Map.of("server.port", String.valueOf(port)));
			instance = new ServiceProcess(this, name, known, command, logFile(name));
			log.info("Starting {} on port {} (log: {})", name, port, instance.logFile());
			this.processes.put(name, instance);
			instance.launchWithoutWaiting();
		}
		awaitHealthy(List.of(instance));
		return instance;
	}

	/**
	 * Stops every instance at once (SIGTERM to all, waiting up to 20 s together, then
	 * SIGKILL); none starts afterwards.
	 */
	void stopAll() {
		List<ServiceProcess> running;
		synchronized (this) {
			this.stopping = true;
			running = new ArrayList<>(this.processes.values());
		}
		running.forEach(ServiceProcess::requestStop);
		long deadline = System.nanoTime() + ServiceProcess.STOP_GRACE.toNanos();
		running.forEach((process) -> process.awaitStopped(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
	}

	/**
	 * Runs a process start unless {@link #stopAll()} has begun, under the lock it takes
	 * to collect the processes it stops, so none is missed.
	 */
	synchronized void whileOpen(Runnable start) {
		checkOpen();
		start.run();
	}

	/**
	 * Waits until every process is healthy; if one exits or the time is up, stops those
	 * that still run (gracefully, killed after the grace period), so a failed start
	 * leaves no half-started process behind to take CPU, partitions or a port from what
	 * comes next.
	 */
	void awaitHealthy(List<ServiceProcess> starting) {
		try {
			this.healthCheck.awaitUp(starting, this.options.services().startupTimeout(),
					(name) -> log.info("{} is healthy", name));
		}
		catch (LocalStackException ex) {
			List<ServiceProcess> running = starting.stream().filter(ServiceProcess::isRunning).toList();
			running.forEach(ServiceProcess::requestStop);
			running.forEach((process) -> process.awaitStopped(ServiceProcess.STOP_GRACE));
			throw ex;
		}
	}

	Path workingDirectory() {
		return this.options.paths().repoRoot();
	}

	private Path logFile(String name) {
		return this.options.paths().logs().resolve(name + ".log");
	}

	private void checkOpen() {
		if (this.stopping) {
			throw new IllegalStateException("The local stack is closed");
		}
	}

	/**
	 * @return a free port that no instance uses (a stopped one may come back)
	 */
	private int freePort() {
		var taken = new ArrayList<>(this.ports.values());
		this.processes.values().forEach((process) -> taken.add(process.port()));
		while (true) {
			int port = Ports.free(1).get(0);
			if (!taken.contains(port)) {
				return port;
			}
		}
	}

	private SagaService running(String service) {
		SagaService known = SagaService.named(service);
		if (!this.options.services().names().contains(known.serviceName())) {
			throw new IllegalArgumentException(
					service + " is not part of this stack (it runs " + this.options.services().names() + ")");
		}
		return known;
	}

}
