package io.sagaref.orderquery;

import jakarta.persistence.Embeddable;

/**
 * The last sequence applied from each source for one order: the guard that makes the view
 * ignore stale and repeated events, however they reach it.
 */
@Embeddable
class SourceSequences {

	private long orderServiceSequence;

	private long paymentServiceSequence;

	private long inventoryServiceSequence;

	long last(Source source) {
		return switch (source) {
			case ORDER_SERVICE -> this.orderServiceSequence;
			case PAYMENT_SERVICE -> this.paymentServiceSequence;
			case INVENTORY_SERVICE -> this.inventoryServiceSequence;
		};
	}

	/**
	 * Moves the source's position forward.
	 * @return true if {@code sequence} is newer than the last one applied
	 */
	boolean advance(Source source, long sequence) {
		if (sequence <= last(source)) {
			return false;
		}
		switch (source) {
			case ORDER_SERVICE -> this.orderServiceSequence = sequence;
			case PAYMENT_SERVICE -> this.paymentServiceSequence = sequence;
			case INVENTORY_SERVICE -> this.inventoryServiceSequence = sequence;
		}
		return true;
	}

}
