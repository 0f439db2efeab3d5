/**
 * The local demo federation: one RTS, one ETS, two CTS under the ETS and one CTS under the RTS,
 * each with its own settings.yaml, database and ports, sharing one PostgreSQL and one Kafka broker.
 */
package io.stratum.deploy.demo;
