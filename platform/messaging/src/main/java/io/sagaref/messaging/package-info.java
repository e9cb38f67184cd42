/**
 * Messaging infrastructure shared by every service: the event envelope, the transactional
 * outbox and its relay, the inbox that makes consumers idempotent, the error policy, the
 * retention of both tables and the replay of dead letters. Nothing domain-specific lives
 * here.
 */
@NullMarked
package io.sagaref.messaging;

import org.jspecify.annotations.NullMarked;
