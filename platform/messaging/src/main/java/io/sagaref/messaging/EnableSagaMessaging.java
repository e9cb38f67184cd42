package io.sagaref.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Switches on the outbox, its relay, the inbox, the error policy, the retention job and
 * (in a servlet web application) the dead-letter endpoint {@code /internal/dead-letters}
 * for a service. The service adds {@code classpath:db/messaging} to its Flyway locations
 * for their tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(MessagingConfiguration.class)
public @interface EnableSagaMessaging {

}
