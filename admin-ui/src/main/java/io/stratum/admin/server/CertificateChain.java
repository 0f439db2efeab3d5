package io.stratum.admin.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import io.stratum.admin.InvalidInput;

/**
 * A validated TLS certificate chain and its private key, from PEM text. Checks: at least one
 * certificate; each certificate is issued by the next one (leaf first) and carries its signature;
 * the leaf is valid now; the key is an unencrypted PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)
 * whose public half is the leaf's. Every failure names the field and what to fix.
 */
public record CertificateChain(List<X509Certificate> certificates, PrivateKey privateKey) {

    /** Parses and validates; throws {@link InvalidInput} on fields {@code certificate} and {@code privateKey}. */
    public static CertificateChain parse(String certificatePem, String privateKeyPem, Instant now) {
        List<X509Certificate> chain = certificates(certificatePem);
        Map<String, String> errors = new LinkedHashMap<>();
        checkOrder(chain, errors);
        X509Certificate leaf = chain.get(0);
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            errors.put("certificate", "the certificate expired on " + leaf.getNotAfter().toInstant());
        } else if (leaf.getNotBefore().toInstant().isAfter(now)) {
            errors.put("certificate", "the certificate is not valid before " + leaf.getNotBefore().toInstant());
        }
        PrivateKey key = null;
        try {
            key = privateKey(privateKeyPem);
            if (!matches(leaf, key)) {
                errors.put("privateKey", "this key does not belong to the first certificate");
            }
        } catch (InvalidInput e) {
            errors.putAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new CertificateChain(List.copyOf(chain), key);
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /** SHA-256 of the leaf's DER encoding, hex. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> certificates(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw InvalidInput.of("certificate", "paste the certificate chain in PEM form (-----BEGIN CERTIFICATE-----), server certificate first");
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw InvalidInput.of("certificate", "no certificate found in the text");
            }
            return chain;
        } catch (CertificateException e) {
            throw InvalidInput.of("certificate", "the certificate text is not valid PEM: " + e.getMessage());
        }
    }

    private static void checkOrder(List<X509Certificate> chain, Map<String, String> errors) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            boolean named = certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
            boolean signed = named && signedBy(certificate, issuer);
            if (!signed) {
                errors.put("certificate", "certificate " + (i + 2) + " (" + issuer.getSubjectX500Principal().getName()
                        + ") did not issue certificate " + (i + 1) + " (" + certificate.getSubjectX500Principal().getName()
                        + "): put the server certificate first, then each issuer in order");
                return;
            }
        }
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PrivateKey privateKey(String pem) {
        if (pem == null || !pem.contains("PRIVATE KEY-----")) {
            throw InvalidInput.of("privateKey", "paste the private key in PEM form (-----BEGIN PRIVATE KEY-----)");
        }
        if (pem.contains("ENCRYPTED")) {
            throw InvalidInput.of("privateKey", "the key is encrypted; paste it without a passphrase (openssl pkey -in key.pem)");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem.strip()))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(new BouncyCastleProvider());
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw InvalidInput.of("privateKey", "no private key found in the text");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw InvalidInput.of("privateKey", "the key text is not a valid PEM private key");
        }
    }

    private static boolean matches(X509Certificate leaf, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm, new BouncyCastleProvider());
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, new BouncyCastleProvider());
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
