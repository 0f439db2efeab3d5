/**
 * The Stratum client SDK: {@link io.stratum.client.StratumClient} is the entry point (log in, then
 * open a {@link io.stratum.client.StratumSession}). Plain Java 17: {@code java.net.http} for REST and
 * the WebSocket, Jackson for JSON. The protocol it speaks is docs/protocol.md; docs/client-sdk.md
 * shows how to use it.
 */
package io.stratum.client;
