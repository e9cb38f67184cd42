package io.sagaref.order;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * order-service: accepts orders, prices them from its catalog replica, starts the saga
 * and decides each order's end state. Talks to other services only through Kafka. At the
 * root package, so Boot's default scanning finds every entity, repository and component.
 */
@SpringBootApplication
@Import(ApiExceptionHandler.class)
public class OrderServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
