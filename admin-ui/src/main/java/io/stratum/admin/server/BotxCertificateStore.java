package io.stratum.admin.server;

import jakarta.inject.Singleton;

import io.stratum.core.audit.AdminAudit;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The BotX certificate set in the console ({@code botx_certificate}, one row; none until an
 * administrator sets one), validated like the trust certificate. Its key is sealed under its own
 * label, so it never opens as the trust key. Blocking: call from a worker thread.
 */
@Singleton
public class BotxCertificateStore extends SealedCertificateStore {

    public BotxCertificateStore(Pool database, SecurityConfig security, AdminAudit audit) {
        super(database, new KeySeal(security.secretKeyBase(), "botx tls key v1"), audit, "botx_certificate", "botx-certificate",
                "server.botx-certificate", "BotX certificate");
    }
}
