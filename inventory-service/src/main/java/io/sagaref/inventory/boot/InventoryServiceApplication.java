package io.sagaref.inventory.boot;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * inventory-service: owns products, stock and reservations (schema {@code inventory}),
 * and takes the stock step of the order saga.
 */
@SpringBootApplication(scanBasePackages = "io.sagaref.inventory")
@EntityScan("io.sagaref.inventory")
@EnableJpaRepositories("io.sagaref.inventory.persistence")
@Import(ApiExceptionHandler.class)
public class InventoryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(InventoryServiceApplication.class, args);
	}

}
