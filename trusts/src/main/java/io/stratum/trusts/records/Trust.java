package io.stratum.trusts.records;

import java.time.Instant;
import java.util.Map;

/**
 * A trust as administrators see it. Tokens are never part of it: only whether each is set.
 *
 * @param upstream created from settings.yaml ({@code rts_host}, {@code rts_id}, {@code rts_token}); its
 *                 endpoint and tokens are changed there, not in the console
 * @param notes    the bookkeeping fields ({@link TrustDraft#NOTE_FIELDS})
 */
public record Trust(String remoteId, String name, TrustKind kind, String endpoint, String clientHost, boolean enabled,
        boolean allowTrustSearch, boolean allowEmail, boolean upstream, Map<String, String> notes, Instant createdAt,
        Instant updatedAt, String updatedBy) {
}
