package io.sagaref.order.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpUrlTest {

	private final HttpUrl.Validator validator = new HttpUrl.Validator();

	@Test
	void acceptsAbsoluteHttpAndHttpsUrlsOrNone() {
		assertThat(this.validator.isValid("https://client.example/hooks/orders?x=1", null)).isTrue();
		assertThat(this.validator.isValid("http://localhost:9000/cb", null)).isTrue();
		assertThat(this.validator.isValid(null, null)).isTrue();
	}

	@Test
	void refusesOtherSchemesRelativeReferencesAndGarbage() {
		assertThat(this.validator.isValid("ftp://client.example/cb", null)).isFalse();
		assertThat(this.validator.isValid("/hooks/orders", null)).isFalse();
		assertThat(this.validator.isValid("https:///no-host", null)).isFalse();
		assertThat(this.validator.isValid("not a url", null)).isFalse();
		assertThat(this.validator.isValid("mailto:someone@example.com", null)).isFalse();
	}

}
