package io.sagaref.orderquery.web;

import io.sagaref.orderquery.application.StepFeed;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Serves the push WebSocket at {@code /ws}. Any origin may connect: the streams carry
 * what the read API already answers to anyone (access control, once built, takes a
 * single-use ticket).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class PushWebSocketConfiguration implements WebSocketConfigurer {

	private final PushWebSocketHandler handler;

	PushWebSocketConfiguration(StepFeed feed, JsonMapper json) {
		this.handler = new PushWebSocketHandler(feed, json);
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, "/ws").setAllowedOriginPatterns("*");
	}

}
