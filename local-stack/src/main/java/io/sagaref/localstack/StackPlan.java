package io.sagaref.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stack checks before it starts anything: every chosen service's jar is built
 * and every fixed port is free. Failing here costs nothing and says what to do.
 */
final class StackPlan {

	private StackPlan() {
	}

	/**
	 * @param options the stack's options
	 * @return each chosen service's executable jar, in start order
	 * @throws LocalStackException naming every missing jar and the command that builds it
	 */
	static Map<SagaService, Path> jars(StackOptions options) {
		var jars = new LinkedHashMap<SagaService, Path>();
		var missing = new ArrayList<SagaService>();
		for (String name : options.services().names()) {
			SagaService service = SagaService.named(name);
			Optional<Path> jar = service.findJar(options.paths().repoRoot());
			jar.ifPresentOrElse((found) -> jars.put(service, found), () -> missing.add(service));
		}
		if (!missing.isEmpty()) {
			var message = new StringBuilder("No executable jar for ");
			message.append(String.join(", ", missing.stream().map(SagaService::serviceName).toList()));
			message.append(" under ").append(options.paths().repoRoot()).append(". Build ");
			message.append(missing.size() == 1 ? "it" : "them").append(" with:\n  ");
			message.append("./mvnw -B -DskipTests package -pl ");
			message.append(String.join(",", missing.stream().map(SagaService::serviceName).toList()));
			message.append(" -am\n(./run-local builds whatever is missing or stale by itself)");
			throw new LocalStackException(message.toString());
		}
		return jars;
	}

	/**
	 * Chooses every service's port: free ones, or the fixed ones from the base port after
	 * checking that they (and Postgres's and Kafka's) are not taken.
	 * @param options the stack's options
	 * @return the port of each of the six services, running or not (the gateway is told
	 * them all)
	 * @throws LocalStackException naming every fixed port that is taken
	 */
	static Map<SagaService, Integer> ports(StackOptions options) {
		var ports = new EnumMap<SagaService, Integer>(SagaService.class);
		PortOptions fixed = options.ports();
		if (fixed.random()) {
			List<Integer> free = Ports.free(SagaService.values().length);
			for (SagaService service : SagaService.values()) {
				ports.put(service, free.get(service.ordinal()));
			}
			return ports;
		}
		var busy = new ArrayList<String>();
		if (!Ports.isFree(fixed.postgresPort())) {
			busy.add(fixed.postgresPort() + " (Postgres)");
		}
		if (!Ports.isFree(fixed.kafkaPort())) {
			busy.add(fixed.kafkaPort() + " (Kafka)");
		}
		if (!Ports.isFree(fixed.kafkaPort() + 1)) {
			busy.add((fixed.kafkaPort() + 1) + " (Kafka's controller)");
		}
		for (SagaService service : SagaService.values()) {
			int port = service.defaultPort(fixed.basePort());
			ports.put(service, port);
			if (options.services().names().contains(service.serviceName()) && !Ports.isFree(port)) {
				busy.add(port + " (" + service.serviceName() + ")");
			}
		}
		if (!busy.isEmpty()) {
			throw new LocalStackException("Port " + String.join(", ", busy) + (busy.size() == 1 ? " is" : " are")
					+ " already in use. Is another local stack still running? Stop it (Ctrl-C), or if it was killed,"
					+ " end what still listens there (e.g. fuser -k " + busy.get(0).split(" ")[0]
					+ "/tcp), or choose other ports (--base-port, --postgres-port, --kafka-port, --random-ports).");
		}
		return ports;
	}

}
