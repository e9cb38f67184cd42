package io.sagaref.localstack.faults;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' link to Postgres or Kafka, as a TCP proxy on loopback (netcrusher's
 * {@link TcpCrusher}), so a test can break it without touching the server: freeze it,
 * slow it down, or drop its connections. Each method takes effect before it returns.
 */
public final class LinkProxy implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LinkProxy.class);

	private final String name;

	private final TcpCrusher crusher;

	private final int port;

	private final VariableDelay delay;

	private LinkProxy(String name, TcpCrusher crusher, int port, VariableDelay delay) {
		this.name = name;
		this.crusher = crusher;
		this.port = port;
		this.delay = delay;
	}

	/**
	 * Opens a proxy from {@code localhost:port} to {@code localhost:targetPort}; the
	 * target need not run yet (connections to a stopped target are closed at once).
	 * @param name what the link leads to, for the log (e.g. "database")
	 * @param reactor the thread that moves the bytes
	 * @param port the port the proxy listens on
	 * @param targetPort the server's real port
	 * @return the open proxy
	 */
	static LinkProxy open(String name, NioReactor reactor, int port, int targetPort) {
		var delay = new VariableDelay();
		TcpCrusher crusher = TcpCrusherBuilder.builder()
			.withReactor(reactor)
			.withBindAddress("localhost", port)
			.withConnectAddress("localhost", targetPort)
			.withTcpNoDelay(true)
			.withIncomingThrottlerFactory((client) -> delay)
			.withOutgoingThrottlerFactory((client) -> delay)
			.buildAndOpen();
		return new LinkProxy(name, crusher, port, delay);
	}

	/**
	 * @return the port the services connect to
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Stops moving bytes: open connections stay open but nothing flows either way, and
	 * new connections complete the TCP handshake and then hang, as on a network that
	 * silently drops packets. Clients block until their own timeouts or
	 * {@link #unfreeze()}. Does nothing if already frozen.
	 */
	public synchronized void freeze() {
		log.info("Freezing the {} link", this.name);
		if (!this.crusher.isFrozen()) {
			this.crusher.freeze();
		}
	}

	/**
	 * Lets the bytes flow again, including what waited while frozen. Does nothing if not
	 * frozen.
	 */
	public synchronized void unfreeze() {
		log.info("Unfreezing the {} link", this.name);
		if (this.crusher.isFrozen()) {
			this.crusher.unfreeze();
		}
	}

	/**
	 * Adds latency: every chunk of bytes is held back by the delay in each direction, so
	 * a request and its answer take at least twice the delay longer.
	 * @param delay the one-way delay (zero removes it)
	 */
	public void slow(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("A delay cannot be negative: " + delay);
		}
		log.info("Delaying the {} link by {} ms each way", this.name, delay.toMillis());
		this.delay.nanos = delay.toNanos();
	}

	/**
	 * Closes every connection through the proxy at once (both sides see the connection
	 * end, as on a network reset); new connections are accepted as before.
	 */
	public void dropConnections() {
		log.info("Dropping the {} connections", this.name);
		this.crusher.closeAllPairs();
	}

	/**
	 * Makes the link healthy again: unfrozen, no delay.
	 */
	public void restore() {
		log.info("Restoring the {} link", this.name);
		this.delay.nanos = 0;
		synchronized (this) {
			if (this.crusher.isFrozen()) {
				this.crusher.unfreeze();
			}
		}
	}

	@Override
	public synchronized void close() {
		this.crusher.close();
	}

	/**
	 * The same delay for every connection of a proxy, changeable while they are open.
	 */
	private static final class VariableDelay implements Throttler {

		private volatile long nanos;

		@Override
		public long calculateDelayNs(ByteBuffer bytes) {
			return this.nanos;
		}

	}

}
