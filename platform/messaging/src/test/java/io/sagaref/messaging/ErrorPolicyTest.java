package io.sagaref.messaging;

import java.net.ConnectException;

import io.sagaref.messaging.inbox.ErrorPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPolicyTest {

	@Test
	void treatsAnUnreachableDatabaseAsAnOutageToRetryWithoutLimit() {
		assertThat(ErrorPolicy.isOutage(new ListenerExecutionFailedException("listener failed",
				new CannotCreateTransactionException("no connection", new ConnectException("refused")))))
			.isTrue();
		assertThat(ErrorPolicy.isOutage(new DataAccessResourceFailureException("down"))).isTrue();
	}

	@Test
	void treatsAFailureOfTheMessageItselfAsNoOutage() {
		assertThat(ErrorPolicy
			.isOutage(new ListenerExecutionFailedException("listener failed", new IllegalStateException("bad state"))))
			.isFalse();
	}

}
