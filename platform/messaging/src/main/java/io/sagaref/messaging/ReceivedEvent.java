package io.sagaref.messaging;

/**
 * An inbound event whose payload has been parsed into the consumer's own record type.
 *
 * @param <T> the consumer's payload type
 * @param envelope the metadata as received
 * @param payload the parsed payload
 */
public record ReceivedEvent<T>(EventEnvelope envelope, T payload) {
}
