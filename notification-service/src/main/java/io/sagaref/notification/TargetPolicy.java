package io.sagaref.notification;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which URLs deliveries may go to: http and https only, and no host that is, or resolves
 * to, a private, loopback, link-local, unique-local, multicast, unspecified or cloud
 * metadata address, so a registered URL cannot make this service probe the network it
 * runs in. Checked at registration and again before every attempt, with a fresh DNS
 * answer, since a name may point elsewhere later; the attempt then connects to the
 * addresses vetted here. Loopback may be allowed (the local stack and tests do).
 */
public final class TargetPolicy {

	/** Resolves a host name; the JDK's resolver in production. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final boolean allowLoopback;

	private final Resolver resolver;

	/**
	 * @param allowLoopback whether loopback targets are allowed
	 * @param resolver how host names are resolved
	 */
	public TargetPolicy(boolean allowLoopback, Resolver resolver) {
		this.allowLoopback = allowLoopback;
		this.resolver = resolver;
	}

	/**
	 * @param allowLoopback whether loopback targets are allowed
	 * @return the policy on the JDK's resolver
	 */
	public static TargetPolicy withSystemResolver(boolean allowLoopback) {
		return new TargetPolicy(allowLoopback, InetAddress::getAllByName);
	}

	/**
	 * Checks a URL's form: absolute, http or https, with a host.
	 * @param url the URL
	 * @throws RefusedTargetException if it is not one deliveries may go to
	 */
	public void checkForm(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RefusedTargetException("Webhook URL must be http or https: " + url);
		}
		if (url.getHost() == null || url.getHost().isBlank()) {
			throw new RefusedTargetException("Webhook URL has no host: " + url);
		}
		if (url.getRawUserInfo() != null) {
			throw new RefusedTargetException("Webhook URL must not carry credentials");
		}
	}

	/**
	 * Checks the URL and resolves its host now, refusing it if any address is disallowed.
	 * @param url the URL
	 * @return the vetted addresses to connect to
	 * @throws RefusedTargetException if the URL or any of its addresses is refused, or it
	 * does not resolve
	 */
	public List<InetAddress> vet(URI url) {
		checkForm(url);
		return vetHost(url.getHost());
	}

	/**
	 * @param host a host name or address literal (IPv6 with or without brackets)
	 * @return its addresses, each allowed
	 * @throws RefusedTargetException if it does not resolve or any address is refused
	 */
	public List<InetAddress> vetHost(String host) {
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(name);
		}
		catch (UnknownHostException ex) {
			throw new RefusedTargetException("Webhook host does not resolve: " + host);
		}
		for (InetAddress address : addresses) {
			String refusal = refusal(address);
			if (refusal != null) {
				throw new RefusedTargetException(
						"Webhook host " + host + " resolves to " + refusal + " " + address.getHostAddress());
			}
		}
		return List.of(addresses);
	}

	private @Nullable String refusal(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return this.allowLoopback ? null : "the loopback address";
		}
		if (isMetadata(address)) {
			return "the cloud metadata address";
		}
		if (address.isAnyLocalAddress()) {
			return "the unspecified address";
		}
		if (address.isLinkLocalAddress()) {
			return "the link-local address";
		}
		if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedOrReserved(address)) {
			return "the private address";
		}
		if (address.isMulticastAddress()) {
			return "the multicast address";
		}
		return null;
	}

	private static boolean isMetadata(InetAddress address) {
		byte[] b = address.getAddress();
		if (b.length == 4) {
			return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254;
		}
		// fd00:ec2::254, the IPv6 metadata endpoint (also caught as unique-local)
		return b.length == 16 && (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
				&& (b[15] & 0xff) == 0x54 && (b[14] & 0xff) == 0x02;
	}

	private static boolean isUniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

	/** 100.64/10 (carrier-grade NAT) and 0/8 are no more public than 10/8. */
	private static boolean isSharedOrReserved(InetAddress address) {
		byte[] b = address.getAddress();
		return b.length == 4 && (((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) || b[0] == 0);
	}

}
