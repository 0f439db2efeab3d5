package io.stratum.trusts.link;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.smallrye.mutiny.Uni;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The certificate and key the trust link presents: the one an administrator set in the console
 * (table {@code trust_certificate}), or else a self-signed one generated at first start and stored
 * there the same way (the key sealed under {@code secret_key_base}), so the server keeps its
 * certificate — and partners' pins stay valid — across restarts. Read at start: a newly uploaded
 * certificate is used after a restart.
 */
@ApplicationScoped
public class LinkCertificate {
    /** The sealing purpose and owner the console's certificate store uses too. */
    private static final String PURPOSE = "trust tls key v1";
    private static final String CONTEXT = "trust-certificate";
    static final String GENERATED_BY = "generated at first start";

    private final Pool database;
    private final KeySeal seal;
    private final String host;

    public LinkCertificate(Pool database, SecurityConfig security, ServerConfig server) {
        this.database = database;
        this.seal = new KeySeal(security.secretKeyBase(), PURPOSE);
        this.host = server.host();
    }

    /** The key and certificate chain for the link's TLS server, generating them on first use. */
    public Uni<PemKeyCertOptions> load() {
        return stored().chain(found -> found != null ? Uni.createFrom().item(found) : generate().chain(this::stored))
                .map(row -> new PemKeyCertOptions()
                        .setCertValue(Buffer.buffer(row.getString("certificate_pem")))
                        .setKeyValue(Buffer.buffer(pem("PRIVATE KEY", seal.unseal(row.getBuffer("private_key_sealed").getBytes(), CONTEXT)))));
    }

    private Uni<Row> stored() {
        return database.query("SELECT certificate_pem, private_key_sealed FROM trust_certificate WHERE id = 1").execute()
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    private Uni<Void> generate() {
        X509Certificate certificate;
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=" + host);
            certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            return database.preparedQuery("INSERT INTO trust_certificate (id, certificate_pem, private_key_sealed, subject, not_after, "
                            + "fingerprint, updated_by) VALUES (1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING")
                    .execute(Tuple.from(List.<Object>of(pem("CERTIFICATE", certificate.getEncoded()),
                            Buffer.buffer(seal.seal(keys.getPrivate().getEncoded(), CONTEXT)), certificate.getSubjectX500Principal().getName(),
                            OffsetDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC), fingerprint, GENERATED_BY)))
                    .replaceWithVoid();
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot generate the trust TLS certificate", e));
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
