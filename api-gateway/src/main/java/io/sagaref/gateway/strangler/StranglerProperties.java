package io.sagaref.gateway.strangler;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The strangler's settings at start-up, under {@code saga.gateway.strangler}; the admin
 * endpoint changes the routes' settings at runtime (until the next restart).
 *
 * @param routes initial setting per route name ({@code products}); a route not named
 * starts with {@link RouteSetting#ALL_NEW}
 * @param shadowTimeout how long a mirrored request may take before its comparison is
 * counted as an error
 * @param shadowMaxInFlight most mirrored requests under way at once; beyond that a
 * request is not mirrored (counted as skipped), so shadowing never piles up
 * @param maxComparedBody largest answer that is compared; larger ones are skipped
 */
@ConfigurationProperties("saga.gateway.strangler")
public record StranglerProperties(@DefaultValue Map<String, RouteSetting> routes,
		@DefaultValue("2s") Duration shadowTimeout, @DefaultValue("64") int shadowMaxInFlight,
		@DefaultValue("256KB") DataSize maxComparedBody) {

}
