package io.sagaref.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A quantity of one product that an order asks for or holds.
 *
 * @param sku the product
 * @param quantity how many, at least 1
 */
@Embeddable
public record ReservationLine(@Column(name = "sku", nullable = false) String sku,
		@Column(name = "quantity", nullable = false) int quantity) {

	public ReservationLine {
		Objects.requireNonNull(sku, "sku");
		if (sku.isBlank()) {
			throw new IllegalArgumentException("A line needs a sku");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("Quantity of " + sku + " must be at least 1, was " + quantity);
		}
	}

	/**
	 * Adds up the lines of one order per product, so an order that names a product twice
	 * asks for the sum once.
	 * @param lines the lines as ordered
	 * @return one line per sku, in sku order
	 * @throws IllegalArgumentException if there are no lines or a sum overflows
	 */
	public static List<ReservationLine> merge(Collection<ReservationLine> lines) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An order has at least one line");
		}
		Map<String, Integer> quantities = new TreeMap<>();
		for (ReservationLine line : lines) {
			quantities.merge(line.sku(), line.quantity(), ReservationLine::sum);
		}
		List<ReservationLine> merged = new ArrayList<>(quantities.size());
		quantities.forEach((sku, quantity) -> merged.add(new ReservationLine(sku, quantity)));
		return List.copyOf(merged);
	}

	private static int sum(int a, int b) {
		try {
			return Math.addExact(a, b);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("Quantity is too large", ex);
		}
	}

}
