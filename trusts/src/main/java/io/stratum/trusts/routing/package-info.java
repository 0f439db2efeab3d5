/**
 * Envelopes between servers over trust links: signing and checking them ({@link io.stratum.trusts.routing.Envelope}),
 * the keys of other servers ({@link io.stratum.trusts.routing.ServerKeys}), the choice of the next hop
 * ({@link io.stratum.trusts.routing.Routes}) and the traffic on each link: sending the durable outbox
 * with acknowledgements and receiving, checking, applying or relaying ({@link io.stratum.trusts.routing.LinkTraffic}).
 */
package io.stratum.trusts.routing;
