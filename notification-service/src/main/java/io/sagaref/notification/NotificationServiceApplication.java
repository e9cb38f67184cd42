package io.sagaref.notification;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * notification-service: owns customers' webhook endpoints and the queue of deliveries to
 * them (schema {@code notifications}), fed by the terminal order events. At the root
 * package, so Boot's default scanning finds its components.
 */
@SpringBootApplication
@Import(ApiExceptionHandler.class)
public class NotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

}
