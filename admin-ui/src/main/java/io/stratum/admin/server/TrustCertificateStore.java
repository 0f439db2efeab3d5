package io.stratum.admin.server;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.security.KeySeal;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.security.SecurityConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The trust TLS certificate set in the console ({@code trust_certificate}, one row). The private key
 * is sealed under {@code secret_key_base}. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class TrustCertificateStore {
    private static final String CONTEXT = "trust-certificate";

    private final Pool database;
    private final KeySeal seal;
    private final AdminAudit audit;

    public TrustCertificateStore(Pool database, SecurityConfig security, AdminAudit audit) {
        this.database = database;
        this.seal = new KeySeal(security.secretKeyBase(), "trust tls key v1");
        this.audit = audit;
    }

    public Optional<TrustCertificateInfo> current() {
        return Await.of(database.query("SELECT certificate_pem, subject, not_after, fingerprint, updated_at, updated_by "
                + "FROM trust_certificate WHERE id = 1").execute().map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    Collection<X509Certificate> chain = parseStored(row.getString("certificate_pem"));
                    X509Certificate leaf = chain.iterator().next();
                    return Optional.of(new TrustCertificateInfo(row.getString("subject"), leaf.getIssuerX500Principal().getName(),
                            chain.size(), row.getOffsetDateTime("not_after").toInstant(), row.getString("fingerprint"),
                            row.getOffsetDateTime("updated_at").toInstant(), row.getString("updated_by"), true));
                }));
    }

    /** Validates and stores a new certificate chain and key, replacing the old one; audited (the key masked). */
    public TrustCertificateInfo replace(AdminPrincipal admin, String certificatePem, String privateKeyPem) {
        CertificateChain chain = CertificateChain.parse(certificatePem, privateKeyPem, Instant.now());
        Optional<TrustCertificateInfo> before = current();
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain.certificates()) {
            pem.append(pem(certificate));
        }
        X509Certificate leaf = chain.leaf();
        Await.of(database.preparedQuery("INSERT INTO trust_certificate (id, certificate_pem, private_key_sealed, subject, not_after, "
                        + "fingerprint, updated_by) VALUES (1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET "
                        + "certificate_pem = $1, private_key_sealed = $2, subject = $3, not_after = $4, fingerprint = $5, "
                        + "updated_by = $6, updated_at = now()")
                .execute(Tuple.from(java.util.List.of(pem.toString(),
                        Buffer.buffer(seal.seal(chain.privateKey().getEncoded(), CONTEXT)),
                        leaf.getSubjectX500Principal().getName(), OffsetDateTime.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC),
                        chain.fingerprint(), admin.username()))));
        TrustCertificateInfo after = current().orElseThrow();
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "server.trust-certificate", "trust TLS certificate",
                before.map(TrustCertificateStore::describe).orElse(Map.of()), describe(after))));
        return after;
    }

    private static Map<String, Object> describe(TrustCertificateInfo info) {
        return Map.of("subject", info.subject(), "notAfter", info.notAfter().toString(), "fingerprint", info.fingerprint(),
                "privateKey", "set");
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Collection<X509Certificate> parseStored(String pem) {
        try {
            return (Collection<X509Certificate>) CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException("the stored trust certificate cannot be read", e);
        }
    }
}
