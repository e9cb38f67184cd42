package io.sagaref.gateway.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sagaref.gateway.GatewayIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

/**
 * No route is without its deadlines, its backend's name (for error answers) or its retry
 * policy, including routes added later: every route goes through one helper, and this
 * checks the result rather than the helper.
 */
class EveryRouteIT extends GatewayIntegrationTest {

	@Autowired
	private RouteLocator routes;

	@Test
	void everyRouteHasATimeoutANamedBackendAndTheRetryPolicy() {
		List<Route> all = this.routes.getRoutes().collectList().block();

		assertThat(all).isNotEmpty();
		assertThat(all).allSatisfy((route) -> {
			assertThat(route.getMetadata()).as(route.getId())
				.containsKeys(RESPONSE_TIMEOUT_ATTR, CONNECT_TIMEOUT_ATTR, PublicRoutes.SERVICE_METADATA);
			assertThat(route.getFilters()).as(route.getId())
				.anySatisfy((filter) -> assertThat(((OrderedGatewayFilter) filter).getDelegate().toString())
					.contains("Retry"));
		});
	}

}
