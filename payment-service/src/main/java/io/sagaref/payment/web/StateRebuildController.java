package io.sagaref.payment.web;

import io.sagaref.payment.application.AccountService;
import io.sagaref.payment.application.StateRebuilt;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's rebuild of the accounts' current state from their events; internal, not
 * routed by the gateway.
 */
@RestController
class StateRebuildController {

	private final AccountService accounts;

	StateRebuildController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/internal/admin/rebuild-state")
	StateRebuilt rebuild() {
		return this.accounts.rebuildState();
	}

}
