/**
 * This server's identity in the federation: its Ed25519 signing key, generated at first start,
 * kept (sealed) in its database and published so that peers can pin it and check signed envelopes.
 */
package io.stratum.trusts.identity;
