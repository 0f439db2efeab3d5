/**
 * The trust link: a TLS connection on TCP 5001 between two servers that trust each other, opened by
 * a handshake in which each side proves the token the other expects. docs/trust-protocol.md.
 */
package io.stratum.trusts.link;
