package io.sagaref.order.boot;

import java.time.Clock;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * order-service: accepts orders, prices them from its catalog replica, starts the saga
 * and decides each order's end state. Talks to other services only through Kafka.
 */
@SpringBootApplication(scanBasePackages = "io.sagaref.order")
@EntityScan("io.sagaref.order")
@EnableJpaRepositories("io.sagaref.order.persistence")
@ConfigurationPropertiesScan("io.sagaref.order")
@EnableScheduling
@Import(ApiExceptionHandler.class)
public class OrderServiceApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
