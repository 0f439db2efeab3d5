/**
 * Federation between Stratum servers: trust records, the trust link on port 5001, routing between
 * the tiers, signed envelopes and delivery guarantees. So far it holds the upstream settings and (in
 * {@code identity}) the server's signing key; the trusts issue builds the rest here.
 */
package io.stratum.trusts;
