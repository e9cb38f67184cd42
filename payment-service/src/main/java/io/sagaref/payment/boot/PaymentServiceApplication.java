package io.sagaref.payment.boot;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The payment service: customer accounts, and the payment step of the order saga (charge,
 * decline, refund). Scans the whole {@code io.sagaref.payment} tree, entities and
 * repositories included, from this sub-package.
 */
@SpringBootApplication(scanBasePackages = "io.sagaref.payment")
@AutoConfigurationPackage(basePackages = "io.sagaref.payment")
@Import(ApiExceptionHandler.class)
public class PaymentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentServiceApplication.class, args);
	}

}
