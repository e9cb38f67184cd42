package io.sagaref.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of one service's process:
 * {@code java <jvm options> -jar <jar> --server.port=.. --spring.datasource.url=.. ...}.
 * Each property appears once (Spring would join repeated ones with commas), so the
 * launcher's settings come first and the caller's extra and per-service properties
 * override them.
 *
 * @param java the {@code java} executable
 * @param jvmOptions options of the service's JVM
 * @param jar the service's executable jar
 * @param properties Spring properties, passed as {@code --key=value}
 */
public record ServiceCommand(Path java, List<String> jvmOptions, Path jar, Map<String, String> properties) {

	public ServiceCommand {
		jvmOptions = List.copyOf(jvmOptions);
		properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
	}

	/**
	 * Wires a service to the stack: its port, its own database role, the broker, for the
	 * gateway the URL of every backend, and for notification-service webhooks on
	 * loopback.
	 * @param service the service
	 * @param jar its executable jar
	 * @param ports every service's port
	 * @param jdbcUrl the saga database
	 * @param bootstrapServers the Kafka broker
	 * @param options the services' options (JVM options, extra and per-service
	 * properties)
	 * @return the command
	 */
	public static ServiceCommand of(SagaService service, Path jar, Map<SagaService, Integer> ports, String jdbcUrl,
			String bootstrapServers, ServiceOptions options) {
		var properties = new LinkedHashMap<String, String>();
		properties.put("server.port", String.valueOf(ports.get(service)));
		service.database().ifPresent((database) -> {
			properties.put("spring.datasource.url", jdbcUrl);
			properties.put("spring.datasource.username", database.role());
			properties.put("spring.datasource.password", database.password());
		});
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
		if (service == SagaService.GATEWAY) {
			for (SagaService backend : SagaService.values()) {
				if (backend != SagaService.GATEWAY) {
					properties.put("saga.gateway." + backend.serviceName(), "http://localhost:" + ports.get(backend));
				}
			}
		}
		if (service == SagaService.NOTIFICATION) {
			// the stack's webhook receivers are on this machine
			properties.put("saga.notifications.allow-loopback", "true");
		}
		properties.putAll(options.properties().of(service.serviceName()));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return new ServiceCommand(java, withClassDataSharing(options.jvmOptions(), jar), jar, properties);
	}

	/**
	 * Adds a dynamic class-data archive next to the jar (JDK 19+): the first run that
	 * exits cleanly writes it, and every later start, e.g. a restart after a crash, loads
	 * classes from it and is markedly faster. The JVM ignores an archive that does not
	 * match the jar.
	 * @param jvmOptions the configured options
	 * @param jar the service's jar
	 * @return the options with the archive, unless sharing was configured explicitly
	 */
	static List<String> withClassDataSharing(List<String> jvmOptions, Path jar) {
		boolean configured = jvmOptions.stream()
			.anyMatch((o) -> o.startsWith("-Xshare") || o.contains("SharedArchive"));
		if (configured || Runtime.version().feature() < 19) {
			return jvmOptions;
		}
		var options = new ArrayList<>(jvmOptions);
		options.add("-XX:SharedArchiveFile=" + jar.resolveSibling(jar.getFileName() + ".jsa"));
		options.add("-XX:+AutoCreateSharedArchive");
		options.add("-Xlog:cds=off");
		options.add("-Xlog:cds+dynamic=off");
		return options;
	}

	/**
	 * @param changes properties to set or override (each still passed once)
	 * @return a copy with those properties
	 */
	public ServiceCommand withProperties(Map<String, String> changes) {
		var changed = new LinkedHashMap<>(this.properties);
		changed.putAll(changes);
		return new ServiceCommand(this.java, this.jvmOptions, this.jar, changed);
	}

	/**
	 * @return the arguments of {@link ProcessBuilder}
	 */
	public List<String> toList() {
		var command = new ArrayList<String>();
		command.add(this.java.toString());
		command.addAll(this.jvmOptions);
		command.add("-jar");
		command.add(this.jar.toString());
		this.properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		return command;
	}

}
