package io.stratum.trusts.link;

import io.stratum.trusts.records.Trust;

/**
 * Which side of a trust dials: the lower tier (CTS below ETS below RTS), since it may sit behind NAT;
 * between equals (partner CTS servers, RTS↔RTS over TTS) the side with the smaller id, so a pair keeps
 * one link.
 */
final class DialPolicy {
    private DialPolicy() {
    }

    static boolean dials(String ownRole, String ownId, Trust trust) {
        int own = rank(ownRole);
        int remote = switch (trust.kind()) {
            case CTS -> 0;
            case ETS -> 1;
            case RTS, TTS -> 2;
        };
        return remote > own || remote == own && ownId.compareTo(trust.remoteId()) < 0;
    }

    private static int rank(String role) {
        return switch (role) {
            case "rts" -> 2;
            case "ets" -> 1;
            default -> 0;
        };
    }
}
