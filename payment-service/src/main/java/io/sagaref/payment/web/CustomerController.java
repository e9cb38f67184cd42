package io.sagaref.payment.web;

import java.net.URI;
import java.util.UUID;

import io.sagaref.payment.Account;
import io.sagaref.payment.CustomerId;
import io.sagaref.payment.Money;
import io.sagaref.payment.application.AccountService;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer accounts: open one, look at it, pay money in. Requests are validated here (400
 * naming the field), then turned into the domain's values.
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
			.body(AccountView.of(account));
	}

	@GetMapping("/{customerId}")
	AccountView account(@PathVariable UUID customerId) {
		return AccountView.of(this.accounts.account(new CustomerId(customerId)));
	}

	@PostMapping("/{customerId}/deposits")
	AccountView deposit(@PathVariable UUID customerId, @Valid @RequestBody DepositRequest request) {
		return AccountView.of(this.accounts.deposit(new CustomerId(customerId), Money.of(request.amount())));
	}

}
