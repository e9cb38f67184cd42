package io.sagaref.order;

/**
 * What a rebuild of the current state from the order streams did.
 *
 * @param streams how many order streams were folded
 * @param events how many events they held
 */
public record StateRebuilt(int streams, long events) {

}
