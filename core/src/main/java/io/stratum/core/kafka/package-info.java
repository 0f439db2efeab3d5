/**
 * Kafka: this server's topics (named with its id as prefix, so several servers can share one
 * broker in the demo), their creation at start, the broker's part of readiness, and the
 * {@code system-events} stream.
 */
package io.stratum.core.kafka;
