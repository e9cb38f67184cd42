package io.sagaref.notification.application;

import java.time.Clock;

import io.sagaref.notification.TargetPolicy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock, the target policy and the delivery worker's schedule; kept off the
 * application class so web slice tests do not load them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	TargetPolicy targetPolicy(NotificationSettings settings) {
		return TargetPolicy.withSystemResolver(settings.allowLoopback());
	}

}
