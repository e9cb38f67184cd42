package io.sagaref.gateway.strangler;

/**
 * One place where the two sides' answers differ.
 *
 * @param field {@code status}, or the JSON pointer (RFC 6901) of the differing value in
 * the body ({@code /available}, {@code /0/reserved}; the empty pointer is the whole body)
 * @param legacy the old system's value as JSON, or {@code (absent)}
 * @param newer the new side's value as JSON, or {@code (absent)}
 */
record Difference(String field, String legacy, String newer) {

	/** Stands for a value one side does not have. */
	static final String ABSENT = "(absent)";

	@Override
	public String toString() {
		return ((this.field.isEmpty()) ? "(body)" : this.field) + " legacy=" + this.legacy + " new=" + this.newer;
	}

}
