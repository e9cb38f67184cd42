package io.sagaref.payment.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.sagaref.payment.CustomerId;
import io.sagaref.payment.LedgerEntry;
import io.sagaref.payment.application.AccountService;
import io.sagaref.web.ReadToken;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's ledger: every event of the account as an entry with the balance after it,
 * one entry, and the reversal of an opening balance or deposit by hand (a compensating
 * entry; the history keeps both).
 */
@RestController
@RequestMapping("/api/customers/{customerId}/ledger")
class CustomerLedgerController {

	private final AccountService accounts;

	CustomerLedgerController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	List<LedgerEntryView> ledger(@PathVariable UUID customerId,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		ReadTokens.check(readToken);
		return this.accounts.ledger(new CustomerId(customerId)).entries().stream().map(LedgerEntryView::of).toList();
	}

	@GetMapping("/{entryId}")
	LedgerEntryView entry(@PathVariable UUID customerId, @PathVariable UUID entryId,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		ReadTokens.check(readToken);
		return LedgerEntryView.of(this.accounts.entry(new CustomerId(customerId), entryId));
	}

	@PostMapping("/{entryId}/reversal")
	ResponseEntity<LedgerEntryView> reverse(@PathVariable UUID customerId, @PathVariable UUID entryId,
			@Valid @RequestBody ReversalRequest request) {
		CustomerId id = new CustomerId(customerId);
		LedgerEntry reversal = this.accounts.reverse(id, entryId, request.reason());
		return ResponseEntity.created(URI.create("/api/customers/" + id + "/ledger/" + reversal.entryId()))
			.header(ReadToken.HEADER, ReadTokens.issue(id, reversal.sequence()))
			.body(LedgerEntryView.of(reversal));
	}

}
