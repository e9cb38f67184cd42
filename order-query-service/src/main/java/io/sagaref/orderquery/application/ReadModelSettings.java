package io.sagaref.orderquery.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read model's own settings ({@code saga.read-model.*}).
 *
 * @param readTokenWait how long a query given a read token waits for its write to become
 * visible before answering 503
 * @param cache the in-memory views
 */
@ConfigurationProperties("saga.read-model")
public record ReadModelSettings(@DefaultValue("5s") Duration readTokenWait, @DefaultValue Cache cache) {

	/**
	 * @param enabled whether single views are served from memory
	 * @param maxViews how many views memory holds at most
	 */
	public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("100000") int maxViews) {
	}

}
