package io.sagaref.gateway.strangler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.sagaref.gateway.strangler.RouteSetting.Mode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's handle on the strangler: {@code GET /api/admin/strangler/routes} lists
 * every strangled route with its setting, {@code GET .../routes/{route}} shows one, and
 * {@code PUT .../routes/{route}} {@code {newWeight, mode}} replaces it, in force from the
 * next request, without a restart. Bad input is a 400 problem naming every wrong field;
 * an unknown route a 404 problem. The gateway answers these itself.
 */
@RestController
class StranglerAdminController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> FIELDS = Set.of("newWeight", "mode");

	private final StranglerSettings settings;

	StranglerAdminController(StranglerSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/api/admin/strangler/routes")
	List<RouteSettingView> routes() {
		return Arrays.stream(StrangledRoute.values())
			.map((route) -> RouteSettingView.of(route, this.settings.get(route)))
			.toList();
	}

	@GetMapping("/api/admin/strangler/routes/{route}")
	ResponseEntity<Object> route(@PathVariable String route) {
		StrangledRoute strangled = StrangledRoute.named(route).orElse(null);
		if (strangled == null) {
			return unknown(route);
		}
		return ResponseEntity.ok(RouteSettingView.of(strangled, this.settings.get(strangled)));
	}

	@PutMapping("/api/admin/strangler/routes/{route}")
	ResponseEntity<Object> change(@PathVariable String route, @RequestBody(required = false) @Nullable String body) {
		StrangledRoute strangled = StrangledRoute.named(route).orElse(null);
		if (strangled == null) {
			return unknown(route);
		}
		List<String> problems = new ArrayList<>();
		RouteSetting setting = read(body, problems);
		if (setting == null) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ", problems));
		}
		this.settings.set(strangled, setting);
		return ResponseEntity.ok(RouteSettingView.of(strangled, setting));
	}

	/**
	 * @return the names of every strangled route, for error messages
	 */
	static String routeNames() {
		return Arrays.stream(StrangledRoute.values()).map(StrangledRoute::routeName).collect(Collectors.joining(", "));
	}

	private static @Nullable RouteSetting read(@Nullable String body, List<String> problems) {
		JsonNode json;
		try {
			json = (body == null || body.isBlank()) ? null : JSON.readTree(body);
		}
		catch (JacksonException ex) {
			problems.add("The body is not valid JSON: " + ex.getOriginalMessage());
			return null;
		}
		if (json == null || !json.isObject()) {
			problems.add("The body must be a JSON object {\"newWeight\": 0..100, \"mode\": \"SPLIT\"|\"SHADOW\"}");
			return null;
		}
		for (String name : json.propertyNames()) {
			if (!FIELDS.contains(name)) {
				problems.add("unknown field '" + name + "' (expected newWeight and mode)");
			}
		}
		JsonNode weight = json.get("newWeight");
		if (weight == null || !weight.isIntegralNumber() || weight.asLong() < 0 || weight.asLong() > 100) {
			problems.add("newWeight must be an integer from 0 to 100 (percent to the new side), was "
					+ ((weight != null) ? weight : "missing"));
		}
		JsonNode mode = json.get("mode");
		Mode parsed = (mode != null && mode.isString()) ? mode(mode.asString()) : null;
		if (parsed == null) {
			problems.add("mode must be SPLIT or SHADOW, was " + ((mode != null) ? mode : "missing"));
		}
		if (!problems.isEmpty() || weight == null || parsed == null) {
			return null;
		}
		return new RouteSetting(weight.asInt(), parsed);
	}

	private static @Nullable Mode mode(String value) {
		try {
			return Mode.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<Object> unknown(String route) {
		return problem(HttpStatus.NOT_FOUND, "Not found",
				"No strangled route '" + route + "'; strangled routes: " + routeNames());
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A route's setting as the admin endpoint shows it.
	 *
	 * @param route the route's name
	 * @param newWeight percent of requests the new side answers
	 * @param mode SPLIT or SHADOW
	 * @param legacyBackend the old system's backend
	 * @param newBackend the new side's backend
	 */
	record RouteSettingView(String route, int newWeight, Mode mode, String legacyBackend, String newBackend) {

		static RouteSettingView of(StrangledRoute route, RouteSetting setting) {
			return new RouteSettingView(route.routeName(), setting.newWeight(), setting.mode(),
					route.legacy().serviceName(), route.newSide().serviceName());
		}

	}

}
