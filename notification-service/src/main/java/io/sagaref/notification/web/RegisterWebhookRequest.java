package io.sagaref.notification.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a registration.
 *
 * @param url where the customer's order outcomes are to be POSTed
 */
record RegisterWebhookRequest(@NotBlank @Size(max = 2048) String url) {
}
