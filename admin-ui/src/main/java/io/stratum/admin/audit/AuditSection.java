package io.stratum.admin.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.audit.AuditPage;
import io.stratum.core.audit.AuditQuery;
import io.stratum.core.audit.AuditRecord;
import io.stratum.core.audit.AuditResult;
import io.stratum.core.audit.AuditStore;
import io.stratum.core.audit.ChainVerification;

/** Reading and verifying the audit log for the console and the API. Blocking: call from a worker thread. */
@ApplicationScoped
public class AuditSection {
    public static final int PAGE_SIZE = 25;

    private final AuditStore store;
    private final AdminAudit audit;

    public AuditSection(AuditStore store, AdminAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A query from request parameters (all optional; dates as YYYY-MM-DD, UTC, {@code until} inclusive). */
    public static AuditQuery query(String category, String text, String from, String until, String order, Integer page, Integer size) {
        Optional<AuditRecord.Category> parsedCategory;
        try {
            parsedCategory = category == null || category.isBlank() ? Optional.empty()
                    : Optional.of(AuditRecord.Category.valueOf(category.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("category", "category must be CONNECTION or ADMIN");
        }
        try {
            return new AuditQuery(parsedCategory, Optional.ofNullable(text), day(from, "from", 0), day(until, "until", 1),
                    "asc".equalsIgnoreCase(order), page == null ? 0 : page, size == null ? PAGE_SIZE : size);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("page", e.getMessage());
        }
    }

    public AuditPage find(AuditQuery query) {
        return Await.of(store.find(query));
    }

    /** Walks the chain; the verification and its outcome are themselves audited. */
    public ChainVerification verify(AdminPrincipal admin) {
        ChainVerification result = Await.of(store.verify());
        Await.of(audit.record(new AdminAction(Instant.now(), admin.username(), admin.ip(), "audit.verify", "audit chain", Map.of(),
                Map.of("intact", result.intact(), "checked", result.checked(), "brokenSeq", result.brokenSeq(), "problem", result.problem()),
                result.intact() ? AuditResult.SUCCESS : AuditResult.FAILURE)));
        return result;
    }

    private static Optional<Instant> day(String value, String field, int plusDays) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "a date as YYYY-MM-DD");
        }
    }
}
