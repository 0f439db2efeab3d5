/**
 * The Server section: this server's identity and uptime, and the trust TLS certificate with its key
 * (validated: chain order, key matches, validity dates), stored sealed in {@code trust_certificate}
 * for the trust link (trusts.md).
 */
package io.stratum.admin.server;
