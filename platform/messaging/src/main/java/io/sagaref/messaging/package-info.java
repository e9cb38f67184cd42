/**
 * Messaging infrastructure shared by every service: the event envelope, the transactional
 * outbox and its relay, the inbox that makes consumers idempotent, and the error policy.
 * Nothing domain-specific lives here.
 */
@NullMarked
package io.sagaref.messaging;

import org.jspecify.annotations.NullMarked;
