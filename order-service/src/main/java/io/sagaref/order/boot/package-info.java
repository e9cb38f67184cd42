/**
 * Spring Boot entry point and wiring of order-service; kept out of the root package so
 * the domain there stays plain Java.
 */
@NullMarked
package io.sagaref.order.boot;

import org.jspecify.annotations.NullMarked;
