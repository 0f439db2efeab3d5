package io.stratum.admin.trusts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.admin.Await;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.trusts.link.LinkStatus;
import io.stratum.trusts.link.TrustLinkDialer;
import io.stratum.trusts.link.TrustLinks;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustDraft;
import io.stratum.trusts.records.TrustInvalid;
import io.stratum.trusts.records.TrustKind;
import io.stratum.trusts.records.TrustRecords;

/**
 * Trust records for the console and the admin API: every change audited with before and after
 * (a changed token appears only as "***"). Blocking: call from a worker thread.
 */
@ApplicationScoped
public class ConsoleTrusts {
    private final TrustRecords trusts;
    private final AdminAudit audit;
    private final TrustLinks links;
    private final TrustLinkDialer dialer;

    public ConsoleTrusts(TrustRecords trusts, AdminAudit audit, TrustLinks links, TrustLinkDialer dialer) {
        this.trusts = trusts;
        this.audit = audit;
        this.links = links;
        this.dialer = dialer;
    }

    /** The trusts table's default order: by kind (then name). */
    public static final TableOrder<TrustRecords.SortBy> BY_KIND = new TableOrder<>(TrustRecords.SortBy.KIND, false);

    public List<Trust> list() {
        return Await.of(trusts.list());
    }

    /** The kind a filter names (any case); null, meaning every kind, for an empty or unknown name. */
    public static TrustKind kind(String name) {
        for (TrustKind kind : TrustKind.values()) {
            if (kind.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return kind;
            }
        }
        return null;
    }

    /** Trusts whose id, name, endpoint or client host contains {@code filter}, of {@code kind} unless null, in {@code order}. */
    public List<Trust> list(String filter, TrustKind kind, TableOrder<TrustRecords.SortBy> order) {
        return Await.of(trusts.list(filter, kind, order.column(), order.descending()));
    }

    /** The link state of every trust, by remote id. */
    public Map<String, LinkStatus> links(List<Trust> all) {
        Map<String, LinkStatus> states = new LinkedHashMap<>();
        all.forEach(trust -> states.put(trust.remoteId(), links.status(trust, dialer.dials(trust))));
        return states;
    }

    public LinkStatus link(Trust trust) {
        return links.status(trust, dialer.dials(trust));
    }

    public Trust get(String remoteId) {
        return Await.of(trusts.get(remoteId));
    }

    public Trust create(AdminPrincipal admin, TrustDraft draft) {
        Trust created = validated(() -> trusts.create(draft, admin.username()));
        audited(admin, "trust.create", created.remoteId(), Map.of(), view(created, draft));
        return created;
    }

    public Trust update(AdminPrincipal admin, String remoteId, TrustDraft draft) {
        Trust before = get(remoteId);
        Trust after = validated(() -> trusts.update(remoteId, draft, admin.username()));
        audited(admin, "trust.update", remoteId, view(before, null), view(after, draft));
        return after;
    }

    public Trust setEnabled(AdminPrincipal admin, String remoteId, boolean enabled) {
        Trust before = get(remoteId);
        Trust after = Await.of(trusts.setEnabled(remoteId, enabled, admin.username()));
        if (!enabled) {
            links.close(remoteId);
        }
        audited(admin, enabled ? "trust.enable" : "trust.disable", remoteId, Map.of("enabled", before.enabled()),
                Map.of("enabled", after.enabled()));
        return after;
    }

    public void delete(AdminPrincipal admin, String remoteId) {
        Trust deleted = Await.of(trusts.delete(remoteId));
        links.close(remoteId);
        audited(admin, "trust.delete", remoteId, view(deleted, null), Map.of());
    }

    private static Trust validated(Supplier<Uni<Trust>> change) {
        try {
            return Await.of(change.get());
        } catch (TrustInvalid e) {
            throw new InvalidInput(e.errors());
        }
    }

    private void audited(AdminPrincipal admin, String action, String target, Map<String, ?> before, Map<String, ?> after) {
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), action, target, before, after)));
    }

    /** What the audit keeps of a trust: its fields, and for a submitted draft whether each token was set. */
    private static Map<String, Object> view(Trust trust, TrustDraft draft) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", trust.name());
        fields.put("kind", trust.kind().name());
        fields.put("endpoint", trust.endpoint());
        fields.put("client_host", trust.clientHost());
        fields.put("enabled", trust.enabled());
        fields.put("allow_trust_search", trust.allowTrustSearch());
        fields.put("allow_email", trust.allowEmail());
        fields.putAll(trust.notes());
        if (draft != null && draft.tokenForAccept() != null && !draft.tokenForAccept().isBlank()) {
            fields.put("token_for_accept", "changed");
        }
        if (draft != null && draft.tokenForConnect() != null && !draft.tokenForConnect().isBlank()) {
            fields.put("token_for_connect", "changed");
        }
        return fields;
    }
}
