package io.sagaref.payment.web;

import io.sagaref.payment.application.Ledger;
import io.sagaref.payment.application.LedgerQuery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger for invariant checks (tests, benchmarks, operators); internal, not routed by
 * the gateway.
 */
@RestController
class LedgerController {

	private final LedgerQuery ledger;

	LedgerController(LedgerQuery ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/internal/ledger")
	Ledger ledger() {
		return this.ledger.ledger();
	}

}
