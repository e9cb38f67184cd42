package io.sagaref.localstack.faults;

import java.io.IOException;
import java.util.List;

import org.netcrusher.core.reactor.NioReactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two links a stack's services depend on, each behind its own {@link LinkProxy}, and
 * the one thread that moves their bytes.
 */
public final class LinkProxies implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LinkProxies.class);

	private final NioReactor reactor;

	private final LinkProxy database;

	private final LinkProxy kafka;

	private LinkProxies(NioReactor reactor, LinkProxy database, LinkProxy kafka) {
		this.reactor = reactor;
		this.database = database;
		this.kafka = kafka;
	}

	/**
	 * @param databaseProxyPort where the services reach Postgres
	 * @param databasePort Postgres's own port
	 * @param kafkaProxyPort where the services reach Kafka
	 * @param kafkaPort the broker's own port
	 * @return both proxies, open
	 * @throws IOException if the proxies' thread cannot start
	 */
	public static LinkProxies open(int databaseProxyPort, int databasePort, int kafkaProxyPort, int kafkaPort)
			throws IOException {
		var reactor = new NioReactor(5);
		try {
			var kafka = LinkProxy.open("Kafka", reactor, kafkaProxyPort, kafkaPort);
			var database = LinkProxy.open("database", reactor, databaseProxyPort, databasePort);
			log.info("Proxies up: the services reach Postgres via port {}, Kafka via port {}", databaseProxyPort,
					kafkaProxyPort);
			return new LinkProxies(reactor, database, kafka);
		}
		catch (RuntimeException ex) {
			reactor.close();
			throw ex;
		}
	}

	/**
	 * @return the services' link to Postgres
	 */
	public LinkProxy database() {
		return this.database;
	}

	/**
	 * @return the services' link to Kafka
	 */
	public LinkProxy kafka() {
		return this.kafka;
	}

	/**
	 * Makes both links healthy again; a failure is only logged, since this runs on the
	 * way to stopping everything.
	 */
	public void restore() {
		for (LinkProxy proxy : List.of(this.database, this.kafka)) {
			try {
				proxy.restore();
			}
			catch (RuntimeException ex) {
				log.warn("Could not restore a link: {}", ex.toString());
			}
		}
	}

	/**
	 * Closes both proxies (every connection through them ends) and their thread.
	 */
	@Override
	public void close() {
		for (AutoCloseable part : List.<AutoCloseable>of(this.database, this.kafka, this.reactor)) {
			try {
				part.close();
			}
			catch (Exception ex) {
				log.warn("Could not close a link proxy cleanly: {}", ex.toString());
			}
		}
	}

}
