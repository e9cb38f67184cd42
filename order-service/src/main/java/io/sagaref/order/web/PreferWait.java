package io.sagaref.order.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=N}): among the request's
 * preferences (one or more headers, each a comma-separated list, parameters after
 * {@code ;}), the first {@code wait} with a value of non-negative whole seconds, quoted
 * or not.
 */
final class PreferWait {

	private PreferWait() {
	}

	/**
	 * @param headers the request's {@code Prefer} headers, if any
	 * @param max the longest wait honoured
	 * @return the seconds to wait (at most {@code max}), or null if no valid wait
	 * preference was given
	 */
	static @Nullable Integer parse(@Nullable List<String> headers, int max) {
		if (headers == null) {
			return null;
		}
		for (String header : headers) {
			for (String preference : header.split(",")) {
				String token = preference.split(";", 2)[0].strip();
				int equals = token.indexOf('=');
				if (equals < 0 || !token.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("wait")) {
					continue;
				}
				String value = token.substring(equals + 1).strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				if (!value.isEmpty() && value.length() <= 9 && value.chars().allMatch(Character::isDigit)) {
					return Math.min(Integer.parseInt(value), max);
				}
			}
		}
		return null;
	}

}
