package io.sagaref.legacy.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the legacy monolith's own settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegacySettings.class)
class LegacyConfiguration {

}
