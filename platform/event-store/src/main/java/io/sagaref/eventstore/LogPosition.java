package io.sagaref.eventstore;

/**
 * A place in the store's log in commit order: the appending transaction's id and the
 * event's row number. Readers resume after a position; because an event becomes readable
 * only once every older transaction has ended, a reader never passes an event whose
 * transaction commits late. Written as {@code <transactionId>-<sequence>}.
 *
 * @param transactionId the appending transaction ({@code pg_current_xact_id()})
 * @param sequence the event's row number in the table
 */
public record LogPosition(long transactionId, long sequence) implements Comparable<LogPosition> {

	/** Before the first event. */
	public static final LogPosition START = new LogPosition(0, 0);

	/**
	 * @param text {@code <transactionId>-<sequence>}
	 * @return the position
	 * @throws IllegalArgumentException if the text is not a position
	 */
	public static LogPosition parse(String text) {
		int dash = text.indexOf('-');
		try {
			if (dash > 0) {
				var position = new LogPosition(Long.parseLong(text.substring(0, dash)),
						Long.parseLong(text.substring(dash + 1)));
				if (position.transactionId >= 0 && position.sequence >= 0) {
					return position;
				}
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new IllegalArgumentException(
				"'" + text + "' is not a log position: expected <transactionId>-<sequence>, such as 0-0");
	}

	@Override
	public int compareTo(LogPosition other) {
		int byTransaction = Long.compare(this.transactionId, other.transactionId);
		return (byTransaction != 0) ? byTransaction : Long.compare(this.sequence, other.sequence);
	}

	@Override
	public String toString() {
		return this.transactionId + "-" + this.sequence;
	}

}
