package io.stratum.admin.server;

import jakarta.inject.Singleton;

import io.stratum.core.audit.AdminAudit;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The trust TLS certificate set in the console ({@code trust_certificate}, one row), read by the
 * trust link (trusts' {@code LinkCertificate}). Blocking: call from a worker thread.
 */
@Singleton
public class TrustCertificateStore extends SealedCertificateStore {

    public TrustCertificateStore(Pool database, SecurityConfig security, AdminAudit audit) {
        super(database, new KeySeal(security.secretKeyBase(), "trust tls key v1"), audit, "trust_certificate", "trust-certificate",
                "server.trust-certificate", "trust TLS certificate");
    }
}
