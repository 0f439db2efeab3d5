package io.stratum.admin;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small CA and a server certificate it issued, made with bouncycastle for the certificate tests. */
public final class TestCertificates {
    private TestCertificates() {
    }

    /** PEM texts of a two-certificate chain and keys. */
    public record Material(String leaf, String issuer, String leafKey, String otherKey) {
        public String leafThenIssuer() {
            return leaf + issuer;
        }

        public String issuerThenLeaf() {
            return issuer + leaf;
        }
    }

    public static Material chain() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ca = generator.generateKeyPair();
        KeyPair server = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        X509Certificate caCert = certificate("CN=Test CA", "CN=Test CA", ca, ca.getPrivate());
        X509Certificate leaf = certificate("CN=Test CA", "CN=cts.corp.example", server, ca.getPrivate());
        return new Material(pem("CERTIFICATE", leaf.getEncoded()), pem("CERTIFICATE", caCert.getEncoded()),
                pem("PRIVATE KEY", server.getPrivate().getEncoded()), pem("PRIVATE KEY", other.getPrivate().getEncoded()));
    }

    private static X509Certificate certificate(String issuer, String subject, KeyPair subjectKeys, PrivateKey signer) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(90))), new X500Name(subject),
                subjectKeys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
