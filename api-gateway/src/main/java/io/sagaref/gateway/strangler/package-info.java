/**
 * Strangler routing: paths that the old system (legacy-monolith) and a new service both
 * answer, split between them by a weight or served by one and mirrored to the other, with
 * the answers compared. Settings change at runtime through
 * {@code /api/admin/strangler/routes/{route}}.
 */
@NullMarked
package io.sagaref.gateway.strangler;

import org.jspecify.annotations.NullMarked;
