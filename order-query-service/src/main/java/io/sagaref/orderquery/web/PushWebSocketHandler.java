package io.sagaref.orderquery.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.sagaref.orderquery.CustomerId;
import io.sagaref.orderquery.OrderId;
import io.sagaref.orderquery.application.SagaStep;
import io.sagaref.orderquery.application.StepFeed;
import io.sagaref.orderquery.application.StepFeed.StepSink;
import io.sagaref.orderquery.application.StepFeed.Subscription;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The WebSocket {@code /ws}: a client subscribes with
 * {@code {"subscribe":"order","id":"<orderId>"}} or
 * {@code {"subscribe":"customer","id":"<customerId>"}} (optionally {@code "after"}: an
 * order's step sequence, or {@code "<orderId>:<sequence>"} for a customer, as
 * {@code Last-Event-ID} on the SSE streams) and receives each step as a JSON text frame,
 * the same {@link StepMessage} as an SSE event's data. One connection may hold several
 * subscriptions; an order's ends after its terminal step. A message that is not a valid
 * subscription is answered with an error frame ({@code {"error":"...","detail":"..."}})
 * and the connection stays open. A client too slow to take its frames is closed with 1013
 * (try again later); it reconnects and resumes with {@code after}.
 */
class PushWebSocketHandler extends TextWebSocketHandler {

	/** Subscriptions one connection may hold. */
	static final int MAX_SUBSCRIPTIONS = 100;

	private static final int SEND_TIME_LIMIT_MILLIS = 10_000;

	private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

	private final StepFeed feed;

	private final JsonMapper json;

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	PushWebSocketHandler(StepFeed feed, JsonMapper json) {
		this.feed = feed;
		this.json = json;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		this.connections.put(session.getId(), new Connection(
				new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MILLIS, BUFFER_LIMIT_BYTES)));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		Connection connection = this.connections.get(session.getId());
		if (connection == null) {
			return;
		}
		JsonNode request;
		try {
			request = this.json.readTree(message.getPayload());
		}
		catch (JacksonException ex) {
			connection.error("bad-request",
					"Not JSON: expected {\"subscribe\":\"order\"|\"customer\",\"id\":\"<uuid>\"}");
			return;
		}
		String kind = request.path("subscribe").asString("");
		UUID id;
		try {
			id = UUID.fromString(request.path("id").asString(""));
		}
		catch (IllegalArgumentException ex) {
			connection.error("bad-request", "'id' must be a UUID, not '" + request.path("id").asString("") + "'");
			return;
		}
		if (connection.subscriptions.size() >= MAX_SUBSCRIPTIONS) {
			connection.error("too-many-subscriptions",
					"A connection holds at most " + MAX_SUBSCRIPTIONS + " subscriptions");
			return;
		}
		String after = request.path("after").isMissingNode() || request.path("after").isNull() ? null
				: request.path("after").asString();
		switch (kind) {
			case "order" -> subscribeOrder(connection, id, after);
			case "customer" -> subscribeCustomer(connection, id, after);
			default ->
				connection.error("bad-request", "'subscribe' must be \"order\" or \"customer\", not '" + kind + "'");
		}
	}

	private void subscribeOrder(Connection connection, UUID id, @Nullable String after) throws IOException {
		long position = 0;
		if (after != null) {
			try {
				position = Long.parseLong(after);
			}
			catch (NumberFormatException ex) {
				connection.error("bad-request", "'after' of an order must be a step sequence, not '" + after + "'");
				return;
			}
		}
		var subscription = this.feed.order(new OrderId(id), position, connection.sink());
		if (subscription.isEmpty()) {
			connection.error("not-found", "The read model has no order " + id + " (yet)");
			return;
		}
		connection.subscriptions.put(subscription.get(), Boolean.TRUE);
	}

	private void subscribeCustomer(Connection connection, UUID id, @Nullable String after) throws IOException {
		StepFeed.StepId resume = null;
		if (after != null) {
			resume = StepFeed.StepId.parse(after).orElse(null);
			if (resume == null) {
				connection.error("bad-request",
						"'after' of a customer must be <orderId>:<sequence>, not '" + after + "'");
				return;
			}
		}
		connection.subscriptions.put(this.feed.customer(new CustomerId(id), resume, connection.sink()), Boolean.TRUE);
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		end(session);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		end(session);
	}

	private void end(WebSocketSession session) {
		Connection connection = this.connections.remove(session.getId());
		if (connection != null) {
			connection.subscriptions.keySet().forEach(Subscription::cancel);
		}
	}

	/** One open WebSocket and its subscriptions. */
	private final class Connection {

		private final WebSocketSession session;

		private final Map<Subscription, Boolean> subscriptions = new ConcurrentHashMap<>();

		Connection(WebSocketSession session) {
			this.session = session;
		}

		void error(String error, String detail) throws IOException {
			this.session.sendMessage(new TextMessage(
					PushWebSocketHandler.this.json.writeValueAsString(Map.of("error", error, "detail", detail))));
		}

		StepSink sink() {
			return new StepSink() {

				@Override
				public void step(SagaStep step) throws IOException {
					Connection.this.session.sendMessage(
							new TextMessage(PushWebSocketHandler.this.json.writeValueAsString(StepMessage.of(step))));
				}

				@Override
				public void heartbeat() throws IOException {
					Connection.this.session.sendMessage(new PingMessage());
				}

				@Override
				public void complete() {
					// an order's subscription ends after its terminal step; the
					// connection
					// stays for the others
				}

				@Override
				public void dropped(String reason) {
					try {
						Connection.this.session.close(CloseStatus.SERVICE_OVERLOAD.withReason("too slow"));
					}
					catch (IOException ex) {
						// gone anyway
					}
				}

			};
		}

	}

}
