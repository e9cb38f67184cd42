package io.sagaref.payment.application;

/**
 * The answer of a rebuild of the service's current state from its events.
 *
 * @param streams how many accounts were rebuilt
 * @param events how many events were folded
 * @param tookMillis how long it took, locks included
 */
public record StateRebuilt(int streams, long events, long tookMillis) {

}
