package io.sagaref.order.application;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What order-service wires beyond Boot's defaults: the deadline job's scheduling, the
 * settings records of this package, the clock every use case reads, and the JSON of its
 * value objects in events. A configuration of its own, so web slice tests do not load it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConfigurationPropertiesScan
class OrderServiceConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
