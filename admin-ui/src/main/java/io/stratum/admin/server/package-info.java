/**
 * The Server section: this server's identity and uptime, and the certificates set in the console —
 * the trust TLS certificate (for the trust link, trusts.md) and the BotX certificate — each a
 * validated chain with its key (chain order, key matches, validity dates), stored sealed in a
 * one-row table ({@code trust_certificate}, {@code botx_certificate}).
 */
package io.stratum.admin.server;
