package io.sagaref.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import static org.awaitility.Awaitility.await;

/**
 * A real webhook receiver on loopback: records every request and answers each with the
 * next scripted status (200 once the script is used up).
 */
public final class Receiver implements AutoCloseable {

	/** A request as received: its headers (lower-case names) and body. */
	public record Received(Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = this.headers.get(name);
			return (values == null || values.isEmpty()) ? "" : values.get(0);
		}

	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedDeque<Integer> script = new ConcurrentLinkedDeque<>();

	private volatile CountDownLatch hold = new CountDownLatch(0);

	private Receiver(HttpServer server) {
		this.server = server;
	}

	/**
	 * @return a receiver listening on 127.0.0.1 on a free port
	 */
	public static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			Receiver receiver = new Receiver(server);
			server.createContext("/", (exchange) -> {
				Map<String, List<String>> headers = new TreeMap<>();
				exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
				try (InputStream in = exchange.getRequestBody()) {
					receiver.received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
				try {
					receiver.hold.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				Integer status = receiver.script.poll();
				exchange.sendResponseHeaders((status != null) ? status : 200, -1);
				exchange.close();
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param statuses the statuses of the next answers, in order
	 * @return this receiver
	 */
	public Receiver answer(Integer... statuses) {
		this.script.addAll(List.of(statuses));
		return this;
	}

	/**
	 * Holds every answer from now on until {@link #release()}: an endpoint that hangs.
	 */
	public void hang() {
		this.hold = new CountDownLatch(1);
	}

	/**
	 * Lets held answers go.
	 */
	public void release() {
		this.hold.countDown();
	}

	/**
	 * @param path a path
	 * @return this receiver's URL for it
	 */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public List<Received> received() {
		return new ArrayList<>(this.received);
	}

	/**
	 * @param count how many requests to wait for
	 * @return the requests received so far, at least {@code count}
	 */
	public List<Received> awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.received.size() >= count);
		return received();
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
	}

}
