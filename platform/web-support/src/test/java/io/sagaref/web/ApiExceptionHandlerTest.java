package io.sagaref.web;

import java.util.NoSuchElementException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ApiExceptionHandlerTest.ProbeController.class)
@Import(ApiExceptionHandler.class)
class ApiExceptionHandlerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void malformedJsonIsABadRequestWithADetail() throws Exception {
		this.mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content("{oops"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("not valid JSON")));
	}

	@Test
	void invalidFieldsAreNamed() throws Exception {
		this.mvc
			.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\", \"count\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("count must be greater than or equal to 1")))
			.andExpect(jsonPath("$.detail", containsString("name must not be blank")));
	}

	@Test
	void invalidHeadersAndBodiesOfMethodValidationAreNamed() throws Exception {
		this.mvc
			.perform(post("/probe-with-header").header("Key", "x".repeat(20))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"\", \"count\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("key size must be between")))
			.andExpect(jsonPath("$.detail", containsString("name must not be blank")));
	}

	@Test
	void domainExceptionsMapToTheirStatuses() throws Exception {
		this.mvc.perform(get("/probe/missing"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No thing missing"));
		this.mvc.perform(get("/probe/rule")).andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/probe/state")).andExpect(status().isConflict());
	}

	@Test
	void anUnreachableDatabaseIsServiceUnavailableAndSaysToRetry() throws Exception {
		this.mvc.perform(get("/probe/database"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.detail", containsString("retry")));
	}

	@Test
	void anUnexpectedFailureHidesItsInsides() throws Exception {
		this.mvc.perform(get("/probe/bug"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.detail").value("The request could not be completed; it is safe to retry"));
	}

	@Test
	void aMalformedPathVariableIsABadRequest() throws Exception {
		this.mvc.perform(get("/probe/number/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("'abc' is not a valid id"));
	}

	record Probe(@NotBlank String name, @Min(1) int count) {
	}

	@SpringBootApplication
	@RestController
	static class ProbeController {

		@PostMapping("/probe")
		String probe(@Valid @RequestBody Probe probe) {
			return "ok";
		}

		@PostMapping("/probe-with-header")
		String probeWithHeader(@RequestHeader("Key") @Size(max = 10) String key, @Valid @RequestBody Probe probe) {
			return "ok";
		}

		@GetMapping("/probe/number/{id}")
		String number(@PathVariable("id") long id) {
			return "ok";
		}

		@GetMapping("/probe/{what}")
		String fail(@PathVariable("what") String what) {
			switch (what) {
				case "missing" -> throw new NoSuchElementException("No thing " + what);
				case "rule" -> throw new IllegalArgumentException("broken rule");
				case "state" -> throw new IllegalStateException("bad state");
				case "database" -> throw new CannotCreateTransactionException("Could not open JPA EntityManager");
				default -> throw new UnsupportedOperationException("a bug with internals");
			}
		}

	}

}
