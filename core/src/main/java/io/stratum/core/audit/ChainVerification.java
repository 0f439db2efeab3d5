package io.stratum.core.audit;

/**
 * The outcome of walking the audit chain.
 *
 * @param intact     true when every record checked out
 * @param checked    how many records were checked (up to and including the broken one)
 * @param brokenSeq  the sequence number of the first broken record, 0 when intact
 * @param problem    why that record is broken, empty when intact
 */
public record ChainVerification(boolean intact, long checked, long brokenSeq, String problem) {
    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, 0, "");
    }

    static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
