/**
 * Spring Data JPA adapters behind the domain's repositories, with the row locks that keep
 * stock consistent under concurrent events, and the converter that stores {@code Money}.
 */
@NullMarked
package io.sagaref.inventory.persistence;

import org.jspecify.annotations.NullMarked;
