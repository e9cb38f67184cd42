package io.sagaref.legacy;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * legacy-monolith: the stand-in for the old system that is being strangled. It still
 * answers the product catalog reads the way the old system did, from its own tables
 * (schema {@code legacy}), which follow inventory-service's events while the gateway
 * moves the traffic over (docs/strangler.md).
 */
@SpringBootApplication
@Import(ApiExceptionHandler.class)
public class LegacyMonolithApplication {

	public static void main(String[] args) {
		SpringApplication.run(LegacyMonolithApplication.class, args);
	}

}
