package io.sagaref.orderquery.web;

import java.net.URI;
import java.util.NoSuchElementException;
import java.util.UUID;

import io.sagaref.orderquery.Rebuild;
import io.sagaref.orderquery.application.ReadModelRebuilder;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's rebuild of the read model from the topics: started with a POST (202, the
 * rebuild runs in the background), followed with GETs of its resource. A second rebuild
 * while one runs is a conflict (409).
 */
@RestController
@RequestMapping("/api/admin/read-model")
class ReadModelRebuildController {

	private final ReadModelRebuilder rebuilder;

	ReadModelRebuildController(ReadModelRebuilder rebuilder) {
		this.rebuilder = rebuilder;
	}

	@PostMapping("/rebuild")
	ResponseEntity<RebuildResponse> rebuild() {
		Rebuild rebuild = this.rebuilder.start();
		return ResponseEntity.accepted()
			.location(URI.create("/api/admin/read-model/rebuilds/" + rebuild.rebuildId()))
			.body(RebuildResponse.of(rebuild));
	}

	@GetMapping("/rebuilds/{id}")
	RebuildResponse rebuild(@PathVariable UUID id) {
		return RebuildResponse.of(this.rebuilder.find(id)
			.orElseThrow(() -> new NoSuchElementException("No rebuild " + id + " of the read model")));
	}

}
