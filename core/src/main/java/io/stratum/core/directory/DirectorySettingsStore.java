package io.stratum.core.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;

/**
 * Reads and saves the directory settings (runtime setting {@code directory}). The bind password is
 * sealed with a key derived from secret_key_base before it reaches the database; saving without a
 * password keeps the stored one.
 */
@ApplicationScoped
public class DirectorySettingsStore {
    private static final String OWNER = "directory";

    private final RuntimeSettings settings;
    private final KeySeal seal;

    public DirectorySettingsStore(RuntimeSettings settings, SecurityConfig security) {
        this.settings = settings;
        this.seal = new KeySeal(security.secretKeyBase(), "runtime setting secrets v1");
    }

    /** The settings in force ({@link DirectorySettings#off()} until saved), with the password unsealed. */
    public Uni<DirectorySettings> current() {
        return settings.get(StoredDirectorySettings.SETTING).map(stored -> stored == null ? DirectorySettings.off() : open(stored));
    }

    /** Validates and saves; returns the new version. 400 {@code invalid_setting} names the first wrong field. */
    public Uni<Integer> save(DirectorySettings changed, String changedBy) {
        DirectorySettings valid = changed.validated();
        return settings.get(StoredDirectorySettings.SETTING).chain(previous -> {
            String sealed = valid.bindPassword()
                    .map(password -> Base64.getEncoder().encodeToString(seal.seal(password.getBytes(StandardCharsets.UTF_8), OWNER)))
                    .orElse(previous == null || valid.bindDn().isEmpty() ? null : previous.bindPasswordSealed());
            return settings.set(StoredDirectorySettings.SETTING, new StoredDirectorySettings(valid.enabled(), valid.url(), valid.bindDn(),
                    sealed, valid.baseDn(), valid.userFilter(), valid.attributes(), valid.disabledAttribute(), valid.disabledValue(),
                    valid.syncIntervalMinutes()), changedBy);
        });
    }

    private DirectorySettings open(StoredDirectorySettings stored) {
        Optional<String> password = Optional.ofNullable(stored.bindPasswordSealed())
                .map(sealed -> new String(seal.unseal(Base64.getDecoder().decode(sealed), OWNER), StandardCharsets.UTF_8));
        return new DirectorySettings(stored.enabled(), stored.url(), stored.bindDn(), password, stored.baseDn(), stored.userFilter(),
                stored.attributes(), stored.disabledAttribute(), stored.disabledValue(), stored.syncIntervalMinutes());
    }
}
