package io.sagaref.legacy.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the legacy monolith, under {@code saga.legacy}.
 *
 * @param readTokenWait how long a read given a read token of inventory-service waits
 * until this copy includes the write, before it answers 503
 */
@ConfigurationProperties("saga.legacy")
public record LegacySettings(@DefaultValue("5s") Duration readTokenWait) {

}
