package io.sagaref.gateway.strangler;

/**
 * What one side answered to a request, as far as a shadow comparison looks at it.
 *
 * @param status the status code
 * @param body the body's bytes, empty for none
 */
record Answer(int status, byte[] body) {

}
