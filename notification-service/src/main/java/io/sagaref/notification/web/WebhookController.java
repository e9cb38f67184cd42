package io.sagaref.notification.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.sagaref.notification.CustomerId;
import io.sagaref.notification.DeliveryId;
import io.sagaref.notification.WebhookId;
import io.sagaref.notification.application.WebhookService;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's webhook endpoints and their delivery logs. The secret is in the answer to
 * the registration only.
 */
@RestController
@RequestMapping("/api/customers/{customerId}/webhooks")
class WebhookController {

	private final WebhookService webhooks;

	WebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	ResponseEntity<RegisteredWebhook> register(@PathVariable UUID customerId,
			@Valid @RequestBody RegisterWebhookRequest request) {
		var webhook = this.webhooks.register(new CustomerId(customerId), request.url());
		return ResponseEntity.created(URI.create("/api/customers/" + customerId + "/webhooks/" + webhook.id()))
			.body(RegisteredWebhook.of(webhook));
	}

	@GetMapping
	List<WebhookResponse> list(@PathVariable UUID customerId) {
		return this.webhooks.of(new CustomerId(customerId)).stream().map(WebhookResponse::of).toList();
	}

	@DeleteMapping("/{webhookId}")
	ResponseEntity<Void> remove(@PathVariable UUID customerId, @PathVariable UUID webhookId) {
		this.webhooks.remove(new CustomerId(customerId), new WebhookId(webhookId));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{webhookId}/deliveries")
	List<DeliveryResponse> deliveries(@PathVariable UUID customerId, @PathVariable UUID webhookId) {
		return this.webhooks.deliveries(new CustomerId(customerId), new WebhookId(webhookId))
			.stream()
			.map(DeliveryResponse::of)
			.toList();
	}

	@PostMapping("/{webhookId}/deliveries/{deliveryId}/retry")
	ResponseEntity<Void> retry(@PathVariable UUID customerId, @PathVariable UUID webhookId,
			@PathVariable UUID deliveryId) {
		this.webhooks.retry(new CustomerId(customerId), new WebhookId(webhookId), new DeliveryId(deliveryId));
		return ResponseEntity.accepted().build();
	}

	@ExceptionHandler(WebhookService.MalformedUrlException.class)
	ProblemDetail malformedUrl(WebhookService.MalformedUrlException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return problem;
	}

}
