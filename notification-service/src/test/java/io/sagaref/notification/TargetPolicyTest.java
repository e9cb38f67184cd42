package io.sagaref.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Only names and addresses of this machine: literals never leave it, and "localhost" is
 * resolved locally; the one name that "changes" is a resolver of the test's own.
 */
class TargetPolicyTest {

	private final TargetPolicy strict = TargetPolicy.withSystemResolver(false);

	private final TargetPolicy loopbackAllowed = TargetPolicy.withSystemResolver(true);

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/hook", "http://localhost:8080/hook", "http://[::1]/hook",
			"http://10.1.2.3/hook", "http://172.16.0.1/", "http://192.168.1.10/", "http://169.254.169.254/latest",
			"http://169.254.10.1/", "http://[fd00:ec2::254]/", "http://[fc00::1]/", "http://[fe80::1]/",
			"http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/", "http://100.64.0.1/" })
	void refusesLocalPrivateAndMetadataAddresses(String url) {
		assertThatThrownBy(() -> this.strict.vet(URI.create(url))).isInstanceOf(RefusedTargetException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://127.0.0.1/", "file:///etc/passwd", "gopher://93.184.216.34/", "mailto:a@b.c" })
	void refusesSchemesOtherThanHttpAndHttps(String url) {
		assertThatThrownBy(() -> this.loopbackAllowed.vet(URI.create(url))).isInstanceOf(RefusedTargetException.class)
			.hasMessageContaining("http or https");
	}

	@Test
	void allowsLoopbackOnlyWhenConfigured() {
		assertThat(this.loopbackAllowed.vet(URI.create("http://127.0.0.1:9/hook"))).isNotEmpty();
		assertThat(this.loopbackAllowed.vet(URI.create("http://localhost:9/hook"))).isNotEmpty();
		assertThat(this.loopbackAllowed.vet(URI.create("http://[::1]:9/hook"))).isNotEmpty();
	}

	@Test
	void stillRefusesPrivateAndMetadataAddressesWhenLoopbackIsAllowed() {
		assertThatThrownBy(() -> this.loopbackAllowed.vet(URI.create("http://10.0.0.1/")))
			.isInstanceOf(RefusedTargetException.class)
			.hasMessageContaining("private");
		assertThatThrownBy(() -> this.loopbackAllowed.vet(URI.create("http://169.254.169.254/")))
			.hasMessageContaining("metadata");
	}

	@Test
	void allowsAPublicAddressLiteral() {
		assertThat(this.strict.vet(URI.create("https://93.184.216.34/hook"))).hasSize(1);
	}

	@Test
	void refusesUrlsWithCredentials() {
		assertThatThrownBy(() -> this.loopbackAllowed.vet(URI.create("http://user:pw@127.0.0.1/")))
			.hasMessageContaining("credentials");
	}

	@Test
	void refusesANameOnceItResolvesToAPrivateAddress() throws UnknownHostException {
		var answer = new AtomicReference<>(InetAddress.getByName("93.184.216.34"));
		var policy = new TargetPolicy(false, (host) -> new InetAddress[] { answer.get() });
		URI url = URI.create("https://hooks.client.test/orders");
		assertThat(policy.vet(url)).containsExactly(answer.get());

		answer.set(InetAddress.getByName("10.0.0.7"));

		assertThatThrownBy(() -> policy.vet(url)).hasMessageContaining("10.0.0.7");
	}

	@Test
	void refusesANameIfAnyOfItsAddressesIsDisallowed() throws UnknownHostException {
		InetAddress[] both = { InetAddress.getByName("93.184.216.34"), InetAddress.getByName("169.254.169.254") };
		var policy = new TargetPolicy(false, (host) -> both);

		assertThatThrownBy(() -> policy.vet(URI.create("https://mixed.client.test/")))
			.hasMessageContaining("169.254.169.254");
	}

	@Test
	void refusesANameThatDoesNotResolve() {
		var policy = new TargetPolicy(false, (host) -> {
			throw new UnknownHostException(host);
		});

		assertThatThrownBy(() -> policy.vet(URI.create("https://nowhere.client.test/")))
			.hasMessageContaining("does not resolve");
	}

}
