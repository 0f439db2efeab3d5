/** A single-node Kafka broker in KRaft mode, run as its own process from the Maven Central artifacts. */
package io.stratum.deploy.kafka;
