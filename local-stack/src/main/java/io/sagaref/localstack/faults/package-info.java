/**
 * Breaking the links between the services and Postgres or Kafka on purpose: TCP proxies
 * (netcrusher) that a fault-injection test freezes, slows down or cuts.
 */
@NullMarked
package io.sagaref.localstack.faults;

import org.jspecify.annotations.NullMarked;
