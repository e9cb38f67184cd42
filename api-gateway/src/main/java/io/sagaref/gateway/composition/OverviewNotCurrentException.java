package io.sagaref.gateway.composition;

import io.sagaref.gateway.Backend;

/**
 * The source the overview cannot be without (the account) does not include the write the
 * client's {@code readToken} names yet. Answered 503 with {@code Retry-After}, as the
 * services answer it, rather than as an overview that silently misses the write.
 */
class OverviewNotCurrentException extends RuntimeException {

	OverviewNotCurrentException(Backend source) {
		super(source.serviceName() + " does not include the write of the readToken yet; retry shortly with the same"
				+ " readToken");
	}

}
