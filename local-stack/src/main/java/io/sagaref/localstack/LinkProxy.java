package io.sagaref.localstack;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A TCP proxy on loopback (netcrusher's {@link TcpCrusher}) between the services and
 * Postgres or Kafka, so a test can break that link without touching the server: freeze
 * it, slow it down, or drop its connections.
 */
final class LinkProxy implements AutoCloseable {

	private final TcpCrusher crusher;

	private final int port;

	private final VariableDelay delay;

	private LinkProxy(TcpCrusher crusher, int port, VariableDelay delay) {
		this.crusher = crusher;
		this.port = port;
		this.delay = delay;
	}

	/**
	 * Opens a proxy from {@code localhost:port} to {@code localhost:targetPort}; the
	 * target need not run yet (connections to a stopped target are closed at once).
	 * @param reactor the thread that moves the bytes
	 * @param port the port the proxy listens on
	 * @param targetPort the server's real port
	 * @return the open proxy
	 */
	static LinkProxy open(NioReactor reactor, int port, int targetPort) {
		var delay = new VariableDelay();
		TcpCrusher crusher = TcpCrusherBuilder.builder()
			.withReactor(reactor)
			.withBindAddress("localhost", port)
			.withConnectAddress("localhost", targetPort)
			.withTcpNoDelay(true)
			.withIncomingThrottlerFactory((client) -> delay)
			.withOutgoingThrottlerFactory((client) -> delay)
			.buildAndOpen();
		return new LinkProxy(crusher, port, delay);
	}

	int port() {
		return this.port;
	}

	/**
	 * Stops moving bytes: open connections stay open but nothing flows either way, and
	 * new connections wait in the listen backlog without a byte passing. Does nothing if
	 * already frozen.
	 */
	synchronized void freeze() {
		if (!this.crusher.isFrozen()) {
			this.crusher.freeze();
		}
	}

	/**
	 * Lets the bytes flow again, including what waited while frozen. Does nothing if not
	 * frozen.
	 */
	synchronized void unfreeze() {
		if (this.crusher.isFrozen()) {
			this.crusher.unfreeze();
		}
	}

	/**
	 * @param delay how long every chunk of bytes is held back, in each direction (zero:
	 * none)
	 */
	void delay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("A delay cannot be negative: " + delay);
		}
		this.delay.nanos = delay.toNanos();
	}

	/**
	 * Closes every connection through the proxy (both sides see the connection end, as on
	 * a network reset); new connections are accepted as before.
	 */
	void dropConnections() {
		this.crusher.closeAllPairs();
	}

	/**
	 * Unfreezes and removes any delay.
	 */
	void restore() {
		delay(Duration.ZERO);
		unfreeze();
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
