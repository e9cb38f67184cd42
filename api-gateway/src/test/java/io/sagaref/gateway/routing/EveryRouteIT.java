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
 * policy (push streams aside), including routes added later: every route goes through one
 * helper, and this checks the result rather than the helper.
 */
class EveryRouteIT extends GatewayIntegrationTest {

	/**
	 * Streams are the one exception to retries and deadlines: a stream is not repeated
	 * (its client resumes with Last-Event-ID) and answers for as long as it is listened
	 * to.
	 */
	private static final java.util.Set<String> PUSH_ROUTES = java.util.Set.of("order-stream", "customer-stream",
			"push-websocket");

	@Autowired
	private RouteLocator routes;

	@Test
	void everyRouteHasATimeoutANamedBackendAndTheRetryPolicy() {
		List<Route> all = this.routes.getRoutes().collectList().block();

		assertThat(all).isNotEmpty();
		assertThat(all).allSatisfy((route) -> {
			assertThat(route.getMetadata()).as(route.getId())
				.containsKeys(RESPONSE_TIMEOUT_ATTR, CONNECT_TIMEOUT_ATTR, PublicRoutes.SERVICE_METADATA);
			if (PUSH_ROUTES.contains(route.getId())) {
				assertThat(route.getMetadata().get(RESPONSE_TIMEOUT_ATTR)).as(route.getId() + " streams for as long")
					.isEqualTo(-1L);
				return;
			}
			assertThat(route.getFilters()).as(route.getId())
				.anySatisfy((filter) -> assertThat(((OrderedGatewayFilter) filter).getDelegate().toString())
					.contains("Retry"));
		});
		assertThat(all).extracting(Route::getId).containsAll(PUSH_ROUTES);
	}

}
