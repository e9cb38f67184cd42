/**
 * The Spring Boot application: wiring only. It lives in a sub-package so the domain at
 * the root stays free of Spring.
 */
@NullMarked
package io.sagaref.inventory.boot;

import org.jspecify.annotations.NullMarked;
