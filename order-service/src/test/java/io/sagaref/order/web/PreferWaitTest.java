package io.sagaref.order.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading RFC 7240's {@code wait} preference among others.
 */
class PreferWaitTest {

	@Test
	void findsTheWaitAmongOtherPreferencesAndHeaders() {
		assertThat(PreferWait.parse(List.of("wait=5"), 30)).isEqualTo(5);
		assertThat(PreferWait.parse(List.of("respond-async, WAIT = 12"), 30)).isEqualTo(12);
		assertThat(PreferWait.parse(List.of("return=minimal", "wait=\"4\"; foo=bar"), 30)).isEqualTo(4);
		assertThat(PreferWait.parse(List.of("wait=0"), 30)).isZero();
	}

	@Test
	void capsAndIgnores() {
		assertThat(PreferWait.parse(List.of("wait=99"), 30)).isEqualTo(30);
		assertThat(PreferWait.parse(List.of("wait=-1"), 30)).isNull();
		assertThat(PreferWait.parse(List.of("wait=", "waiting=3", "respond-async"), 30)).isNull();
		assertThat(PreferWait.parse(null, 30)).isNull();
	}

}
