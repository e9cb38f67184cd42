package io.sagaref.orderquery.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The read model's settings, kept out of web slice tests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelSettings.class)
class ReadModelConfiguration {

}
