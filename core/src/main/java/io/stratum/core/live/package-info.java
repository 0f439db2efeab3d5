/**
 * Live traffic with connected devices: the client WebSocket ({@code /api/v1/ws}), the sessions
 * connected to this instance, and the feed that reads committed chat events and signals from Kafka
 * and hands each to the sessions of its recipients, in order and without duplicates.
 */
package io.stratum.core.live;
