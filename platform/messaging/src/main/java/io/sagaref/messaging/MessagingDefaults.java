package io.sagaref.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The platform owns its wiring: the settings every service on the messaging library needs
 * (durable producer, manual offsets, the library's migrations, the schema named once as
 * {@code saga.schema}) come from {@value #DEFAULTS}, below every other property source,
 * so that a service's {@code application.yml} declares only what is its own and may still
 * override any default.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

	static final String DEFAULTS = "META-INF/saga-messaging-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("sagaMessagingDefaults", new ClassPathResource(DEFAULTS)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
		}
	}

}
