package io.sagaref.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body the gateway lets through: the public API takes small JSON
 * documents, so anything near this size is a mistake or an attack, and is refused before
 * a backend has to read it.
 *
 * @param max the largest body accepted
 */
@ConfigurationProperties("saga.gateway.request-size")
public record RequestSizeProperties(@DefaultValue("1MB") DataSize max) {

}
