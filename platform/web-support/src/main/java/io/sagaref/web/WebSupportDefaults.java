package io.sagaref.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service gets, which its {@code application.yml} can still override:
 * Boot's log pattern prints the request id ({@code [<id>] } before the logger name, empty
 * brackets outside a request; {@code logging.pattern.correlation}), and the OpenAPI
 * document at {@code /v3/api-docs} describes only the public {@code /api/**} paths (the
 * {@code /internal} ones are not the public contract, and the gateway publishes the
 * document; {@code springdoc.paths-to-match}).
 */
public class WebSupportDefaults implements EnvironmentPostProcessor {

	static final String PROPERTY = "logging.pattern.correlation";

	static final String PATTERN = "[%X{" + RequestIdFilter.MDC_KEY + ":-}] ";

	static final String API_DOCS_PATHS = "springdoc.paths-to-match";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("sagaWebSupportDefaults",
					Map.of(PROPERTY, PATTERN, API_DOCS_PATHS, "/api/**")));
	}

}
