package io.sagaref.inventory;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * inventory-service: owns products, stock and reservations (schema {@code inventory}),
 * and takes the stock step of the order saga. At the root package, so Boot's default
 * scanning finds its entities, repositories and components.
 */
@SpringBootApplication
@Import(ApiExceptionHandler.class)
public class InventoryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(InventoryServiceApplication.class, args);
	}

}
