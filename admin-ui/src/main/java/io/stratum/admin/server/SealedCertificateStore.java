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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stratum.admin.Await;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.security.KeySeal;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One certificate slot set in the console: a one-row table ({@code id = 1}) holding a validated PEM
 * chain, its private key sealed under {@code secret_key_base}, and what the console shows (subject,
 * expiry, fingerprint). Each change is audited with the key masked. Blocking: call from a worker thread.
 */
public abstract class SealedCertificateStore {
    private final Pool database;
    private final KeySeal seal;
    private final AdminAudit audit;
    private final String table;
    private final String sealContext;
    private final String auditAction;
    private final String auditTarget;

    /**
     * @param table the one-row table (a constant, never user input)
     * @param sealLabel the {@link KeySeal} label, and {@code sealContext} its context: a key sealed for one slot does not open in another
     * @param auditAction the audit action, e.g. {@code server.trust-certificate}; {@code .delete} is appended for a removal
     */
    protected SealedCertificateStore(Pool database, KeySeal seal, AdminAudit audit, String table, String sealContext,
            String auditAction, String auditTarget) {
        this.database = database;
        this.seal = seal;
        this.audit = audit;
        this.table = table;
        this.sealContext = sealContext;
        this.auditAction = auditAction;
        this.auditTarget = auditTarget;
    }

    public Optional<CertificateInfo> current() {
        return Await.of(database.query("SELECT certificate_pem, subject, not_after, fingerprint, updated_at, updated_by "
                + "FROM " + table + " WHERE id = 1").execute().map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    Collection<X509Certificate> chain = parseStored(row.getString("certificate_pem"));
                    X509Certificate leaf = chain.iterator().next();
                    return Optional.of(new CertificateInfo(row.getString("subject"), leaf.getIssuerX500Principal().getName(),
                            chain.size(), row.getOffsetDateTime("not_after").toInstant(), row.getString("fingerprint"),
                            row.getOffsetDateTime("updated_at").toInstant(), row.getString("updated_by"), true));
                }));
    }

    /** Validates and stores a new certificate chain and key, replacing the old one; audited (the key masked). */
    public CertificateInfo replace(AdminPrincipal admin, String certificatePem, String privateKeyPem) {
        CertificateChain chain = CertificateChain.parse(certificatePem, privateKeyPem, Instant.now());
        Optional<CertificateInfo> before = current();
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain.certificates()) {
            pem.append(pem(certificate));
        }
        X509Certificate leaf = chain.leaf();
        Await.of(database.preparedQuery("INSERT INTO " + table + " (id, certificate_pem, private_key_sealed, subject, not_after, "
                        + "fingerprint, updated_by) VALUES (1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET "
                        + "certificate_pem = $1, private_key_sealed = $2, subject = $3, not_after = $4, fingerprint = $5, "
                        + "updated_by = $6, updated_at = now()")
                .execute(Tuple.from(List.of(pem.toString(),
                        Buffer.buffer(seal.seal(chain.privateKey().getEncoded(), sealContext)),
                        leaf.getSubjectX500Principal().getName(), OffsetDateTime.ofInstant(leaf.getNotAfter().toInstant(), ZoneOffset.UTC),
                        chain.fingerprint(), admin.username()))));
        CertificateInfo after = current().orElseThrow();
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), auditAction, auditTarget,
                before.map(SealedCertificateStore::describe).orElse(Map.of()), describe(after))));
        return after;
    }

    /** Removes the certificate and key; answers false when none was set (nothing audited then). */
    public boolean remove(AdminPrincipal admin) {
        Optional<CertificateInfo> before = current();
        if (before.isEmpty()) {
            return false;
        }
        Await.of(database.query("DELETE FROM " + table + " WHERE id = 1").execute());
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), auditAction + ".delete", auditTarget,
                describe(before.get()), Map.of())));
        return true;
    }

    private static Map<String, Object> describe(CertificateInfo info) {
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
    private Collection<X509Certificate> parseStored(String pem) {
        try {
            return (Collection<X509Certificate>) CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalStateException("the stored certificate in " + table + " cannot be read", e);
        }
    }
}
