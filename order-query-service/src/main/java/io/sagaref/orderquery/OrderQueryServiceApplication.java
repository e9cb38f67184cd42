package io.sagaref.orderquery;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Boots the read model: consumes every service's events (inbox, dead letters) and serves
 * order views over HTTP. It publishes nothing, but uses the messaging library's inbox and
 * error policy (auto-configured).
 */
@SpringBootApplication
@Import(ApiExceptionHandler.class)
public class OrderQueryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderQueryServiceApplication.class, args);
	}

}
