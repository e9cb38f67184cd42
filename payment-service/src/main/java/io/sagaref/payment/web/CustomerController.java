package io.sagaref.payment.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
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
 * Customer accounts: open one, look at it (now or as it stood at an instant), pay money
 * in. Requests are validated here (400 naming the field), then turned into the domain's
 * values; every change answers a {@value ReadToken#HEADER}.
 */
@RestController
@RequestMapping("/api/customers")
class CustomerController {

	private final AccountService accounts;

	CustomerController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	ResponseEntity<AccountView> open(@Valid @RequestBody OpenAccountRequest request) {
		Account account = this.accounts.open(request.name(), Money.of(request.initialBalance()));
		return ResponseEntity.created(URI.create("/api/customers/" + account.customerId()))
			.header(ReadToken.HEADER, ReadTokens.issue(account.customerId(), account.version()))
			.body(AccountView.of(account));
	}

	@GetMapping("/{customerId}")
	AccountView account(@PathVariable UUID customerId, @RequestParam(required = false) @Nullable Instant asOf,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		ReadTokens.check(readToken);
		CustomerId id = new CustomerId(customerId);
		return AccountView.of((asOf != null) ? this.accounts.account(id, asOf) : this.accounts.account(id));
	}

	@PostMapping("/{customerId}/deposits")
	ResponseEntity<AccountView> deposit(@PathVariable UUID customerId, @Valid @RequestBody DepositRequest request) {
		Account account = this.accounts.deposit(new CustomerId(customerId), Money.of(request.amount()));
		return ResponseEntity.ok()
			.header(ReadToken.HEADER, ReadTokens.issue(account.customerId(), account.version()))
			.body(AccountView.of(account));
	}

}
