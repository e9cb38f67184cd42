package io.sagaref.legacy.web;

import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Internal: pauses and resumes the feed that keeps the old tables in step with
 * inventory-service (a migration freezes the old copy this way to compare it, and the
 * system tests make it lag on purpose to see the gateway's shadow comparison notice). A
 * paused feed keeps its place and catches up when resumed. The gateway does not route it.
 */
@RestController
@RequestMapping("/internal/catalog-feed")
class CatalogFeedController {

	/** The id of the listener that follows inventory's events. */
	static final String FEED = "catalog-feed";

	private final KafkaListenerEndpointRegistry listeners;

	CatalogFeedController(KafkaListenerEndpointRegistry listeners) {
		this.listeners = listeners;
	}

	@GetMapping
	FeedState state() {
		return FeedState.of(feed());
	}

	@PostMapping("/pause")
	FeedState pause() {
		feed().pause();
		return FeedState.of(feed());
	}

	@PostMapping("/resume")
	FeedState resume() {
		feed().resume();
		return FeedState.of(feed());
	}

	private MessageListenerContainer feed() {
		MessageListenerContainer feed = this.listeners.getListenerContainer(FEED);
		if (feed == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The catalog feed is not running");
		}
		return feed;
	}

	/**
	 * @param running whether the feed's consumer runs
	 * @param pauseRequested whether it was asked to pause
	 * @param paused whether it is paused: nothing more is applied until it resumes
	 */
	record FeedState(boolean running, boolean pauseRequested, boolean paused) {

		static FeedState of(MessageListenerContainer feed) {
			return new FeedState(feed.isRunning(), feed.isPauseRequested(), feed.isContainerPaused());
		}

	}

}
