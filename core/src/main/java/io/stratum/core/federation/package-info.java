/**
 * What chats and other features hand to, and receive from, other servers: the durable queue of
 * outgoing envelopes ({@link io.stratum.core.federation.FederationQueue}) and the contract for
 * envelopes arriving for this server ({@link io.stratum.core.federation.FederationInbox}). The trust
 * links that carry them live in the {@code trusts} module.
 */
package io.stratum.core.federation;
