package io.stratum.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hash chain of the audit log: {@code hash = SHA-256(prevHash + "\n" + canonical content)},
 * where the canonical content is the JSON array of the record's fields in a fixed order and the
 * first record's {@code prevHash} is {@link #GENESIS}. Pure functions; the same code stores and
 * verifies, so they cannot disagree.
 */
public final class AuditChain {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {
    }

    /** Timestamps are kept at PostgreSQL's precision (microseconds) so that a stored record hashes the same. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hash a record must carry, given its fields (its own hash field is ignored). */
    public static String hashOf(AuditRecord r) {
        List<Object> fields = List.of(r.seq(), DateTimeFormatter.ISO_INSTANT.format(r.at()), r.category().name(),
                r.action(), r.actor(), r.device(), r.ip(), r.target(), r.result().name(), r.details());
        try {
            String canonical = JSON.writeValueAsString(fields);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(r.prevHash().getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an audit record", e);
        }
    }

    /** The record that follows {@code previousHash} at {@code seq}, with its hash computed. */
    public static AuditRecord link(long seq, String previousHash, AuditRecord unchained) {
        AuditRecord withPrev = new AuditRecord(seq, truncate(unchained.at()), unchained.category(), unchained.action(),
                unchained.actor(), unchained.device(), unchained.ip(), unchained.target(), unchained.result(),
                unchained.details(), previousHash, "");
        return new AuditRecord(withPrev.seq(), withPrev.at(), withPrev.category(), withPrev.action(), withPrev.actor(),
                withPrev.device(), withPrev.ip(), withPrev.target(), withPrev.result(), withPrev.details(),
                previousHash, hashOf(withPrev));
    }

    /** Checks one record against the one before it (null for the first); returns why it is broken, or null. */
    public static String problem(AuditRecord previous, AuditRecord record) {
        long expectedSeq = previous == null ? 1 : previous.seq() + 1;
        String expectedPrev = previous == null ? GENESIS : previous.hash();
        if (record.seq() != expectedSeq) {
            return "record " + expectedSeq + (record.seq() - expectedSeq == 1 ? " is" : " to " + (record.seq() - 1) + " are")
                    + " missing";
        }
        if (!record.prevHash().equals(expectedPrev)) {
            return "does not chain to the record before it";
        }
        if (!record.hash().equals(hashOf(record))) {
            return "its content was changed after it was written";
        }
        return null;
    }
}
