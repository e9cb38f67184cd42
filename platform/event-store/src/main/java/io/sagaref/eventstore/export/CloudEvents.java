package io.sagaref.eventstore.export;

import io.sagaref.eventstore.StoredEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a stored event as a CloudEvents 1.0 event in the JSON format, with the store's
 * own facts as extension attributes: {@code position} (to resume from),
 * {@code streamtype}, {@code streamversion}, {@code eventversion}, {@code correlationid}
 * (the stream id if none was recorded) and {@code causationid} (absent if none).
 */
public final class CloudEvents {

	/** The media type of the export: one CloudEvent per line. */
	public static final String NDJSON = "application/x-ndjson";

	private final JsonMapper json;

	private final String service;

	/**
	 * @param json the mapper
	 * @param service the producing service, the first segment of every event's source
	 */
	public CloudEvents(JsonMapper json, String service) {
		this.json = json;
		this.service = service;
	}

	/**
	 * @param event the stored event
	 * @return the event as one line of JSON, without the line break
	 */
	public String line(StoredEvent event) {
		ObjectNode node = this.json.createObjectNode();
		node.put("specversion", "1.0");
		node.put("id", event.eventId().toString());
		node.put("source", "/" + this.service + "/" + event.streamType());
		node.put("type", event.type());
		node.put("subject", event.streamId());
		node.put("time", event.recordedAt().toString());
		node.put("datacontenttype", "application/json");
		node.put("position", event.position().toString());
		node.put("streamtype", event.streamType());
		node.put("streamversion", event.streamVersion());
		node.put("eventversion", event.version());
		String correlationId = event.metadata().correlationId();
		node.put("correlationid", (correlationId != null) ? correlationId : event.streamId());
		if (event.metadata().causationId() != null) {
			node.put("causationid", event.metadata().causationId().toString());
		}
		node.set("data", event.data());
		return this.json.writeValueAsString(node);
	}

}
