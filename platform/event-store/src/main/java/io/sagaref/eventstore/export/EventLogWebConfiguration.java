package io.sagaref.eventstore.export;

import io.sagaref.eventstore.EventStore;
import io.sagaref.messaging.MessagingProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the event log export {@code /internal/event-log} to a servlet web application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EventLogWebConfiguration {

	@Bean
	EventLogController eventLogController(EventStore store, JsonMapper json, MessagingProperties messaging) {
		return new EventLogController(store, new CloudEvents(json, messaging.source()));
	}

}
