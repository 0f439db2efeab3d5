package io.stratum.admin.directory;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.Fields;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.api.ApiException;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.audit.AuditResult;
import io.stratum.core.directory.DirectorySettings;
import io.stratum.core.directory.DirectorySettingsStore;
import io.stratum.core.directory.DirectorySync;
import io.stratum.core.directory.DirectorySyncStatus;

/**
 * The directory settings and syncs as administrators drive them, each change audited (the bind
 * password only as "set"). Blocking: call from a worker thread.
 */
@ApplicationScoped
public class DirectoryAdministration {
    private static final java.time.Duration SYNC_WAIT = java.time.Duration.ofMinutes(10);

    private final DirectorySettingsStore store;
    private final DirectorySync sync;
    private final AdminAudit audit;

    public DirectoryAdministration(DirectorySettingsStore store, DirectorySync sync, AdminAudit audit) {
        this.store = store;
        this.sync = sync;
        this.audit = audit;
    }

    public DirectorySettings settings() {
        return Await.of(store.current());
    }

    /** Saves the settings (an empty password keeps the stored one); field errors as {@link io.stratum.admin.InvalidInput}. */
    public void save(AdminPrincipal admin, DirectorySettings changed) {
        DirectorySettings before = settings();
        Fields.checked(() -> Await.of(store.save(changed, admin.username())));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "settings.directory", "directory", describe(before),
                describe(settings()))));
    }

    /** Runs a sync now and waits for it; a directory failure becomes 503/502 after the failed run is recorded and audited. */
    public DirectorySyncStatus sync(AdminPrincipal admin) {
        try {
            DirectorySyncStatus status = sync.run("admin").await().atMost(SYNC_WAIT);
            Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "directory.sync", "directory", Map.of(), counts(status))));
            return status;
        } catch (RuntimeException e) {
            ApiException error = DirectorySync.asApiError(e);
            Await.of(audit.record(new AdminAction(java.time.Instant.now(), admin.username(), admin.ip(), "directory.sync", "directory",
                    Map.of(), Map.of("error", error.code()), AuditResult.FAILURE)));
            throw error;
        }
    }

    public DirectorySyncStatus status() {
        return Await.of(sync.status());
    }

    private static Map<String, Object> counts(DirectorySyncStatus status) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("read", status.read());
        counts.put("created", status.created());
        counts.put("updated", status.updated());
        counts.put("disabled", status.disabled());
        counts.put("removed", status.removed());
        counts.put("skipped", status.skipped());
        return counts;
    }

    private static Map<String, Object> describe(DirectorySettings settings) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", settings.enabled());
        state.put("url", settings.url());
        state.put("bindDn", settings.bindDn());
        state.put("bindPassword", settings.bindPasswordSet() ? "set" : "");
        state.put("baseDn", settings.baseDn());
        state.put("userFilter", settings.userFilter());
        state.put("attributes", settings.attributes().toString());
        state.put("disabledAttribute", settings.disabledAttribute());
        state.put("disabledValue", settings.disabledValue());
        state.put("syncIntervalMinutes", settings.syncIntervalMinutes());
        return state;
    }
}
