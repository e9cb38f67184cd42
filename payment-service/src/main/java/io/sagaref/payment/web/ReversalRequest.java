package io.sagaref.payment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/customers/{id}/ledger/{entryId}/reversal}.
 *
 * @param reason why the entry is reversed, kept in the history
 */
public record ReversalRequest(@NotBlank @Size(max = 500) String reason) {

}
