package io.sagaref.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Boot's default log pattern print the request id ({@code [<id>] } before the
 * logger name, empty brackets outside a request) in every service, as a default a
 * service's {@code application.yml} can still override with
 * {@code logging.pattern.correlation}.
 */
public class RequestIdLogPattern implements EnvironmentPostProcessor {

	static final String PROPERTY = "logging.pattern.correlation";

	static final String PATTERN = "[%X{" + RequestIdFilter.MDC_KEY + ":-}] ";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("sagaRequestIdLogPattern", Map.of(PROPERTY, PATTERN)));
	}

}
