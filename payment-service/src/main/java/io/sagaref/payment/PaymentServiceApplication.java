package io.sagaref.payment;

import io.sagaref.web.ApiExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The payment service: customer accounts, and the payment step of the order saga (charge,
 * decline, refund). At the root package, so the default scans find the whole service.
 */
@SpringBootApplication
@Import(ApiExceptionHandler.class)
public class PaymentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PaymentServiceApplication.class, args);
	}

}
