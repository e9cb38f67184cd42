package io.sagaref.payment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sagaref.payment.LedgerEntry;
import io.sagaref.payment.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * A line of a customer's ledger as clients see it; the optional fields are left out when
 * they do not apply.
 *
 * @param entryId the event's id, which a reversal names
 * @param sequence its number in the account's stream
 * @param type OPENED, DEPOSIT, CHARGE, REFUND or REVERSAL
 * @param amount the money it moved, negative when it left the account
 * @param balanceAfter the balance right after it
 * @param occurredAt when it was recorded
 * @param orderId the order of a charge or refund
 * @param reverses the entry a reversal reversed
 * @param reversedBy the reversal that reversed this entry
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntryView(UUID entryId, long sequence, String type, BigDecimal amount, BigDecimal balanceAfter,
		Instant occurredAt, @Nullable UUID orderId, @Nullable UUID reverses, @Nullable UUID reversedBy) {

	static LedgerEntryView of(LedgerEntry entry) {
		OrderId orderId = entry.orderId();
		return new LedgerEntryView(entry.entryId(), entry.sequence(), entry.type().name(), entry.amount().amount(),
				entry.balanceAfter().amount(), entry.occurredAt(), (orderId != null) ? orderId.value() : null,
				entry.reverses(), entry.reversedBy());
	}

}
