/**
 * Entry point and wiring of the payment service; kept out of the root package so the
 * domain stays plain Java.
 */
@NullMarked
package io.sagaref.payment.boot;

import org.jspecify.annotations.NullMarked;
