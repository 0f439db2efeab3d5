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
        Instant now = Instant.now();
        return chain("CN=cts.corp.example", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
    }

    /** A chain whose server certificate {@code subject} expired yesterday (its CA is still valid). */
    public static Material expired(String subject) throws Exception {
        Instant now = Instant.now();
        return chain(subject, now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1)));
    }

    private static Material chain(String subject, Instant notBefore, Instant notAfter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ca = generator.generateKeyPair();
        KeyPair server = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate caCert = certificate("CN=Test CA", "CN=Test CA", ca, ca.getPrivate(), now.minus(Duration.ofDays(365)),
                now.plus(Duration.ofDays(365)));
        X509Certificate leaf = certificate("CN=Test CA", subject, server, ca.getPrivate(), notBefore, notAfter);
        return new Material(pem("CERTIFICATE", leaf.getEncoded()), pem("CERTIFICATE", caCert.getEncoded()),
                pem("PRIVATE KEY", server.getPrivate().getEncoded()), pem("PRIVATE KEY", other.getPrivate().getEncoded()));
    }

    private static X509Certificate certificate(String issuer, String subject, KeyPair subjectKeys, PrivateKey signer, Instant notBefore,
            Instant notAfter) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
                Date.from(notBefore), Date.from(notAfter), new X500Name(subject), subjectKeys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
