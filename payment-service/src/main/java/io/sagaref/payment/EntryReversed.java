package io.sagaref.payment;

import java.util.UUID;

/**
 * An operator reversed an opening balance or a deposit by hand: a compensating fact that
 * takes its money out again, while the history keeps both.
 *
 * @param entryId the event id of the reversed entry
 * @param amount the sum taken out again, the reversed entry's amount
 * @param reason why, as the operator gave it
 */
public record EntryReversed(UUID entryId, Money amount, String reason) implements AccountEvent {

}
