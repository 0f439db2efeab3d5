package io.stratum.admin.settings;

import java.util.List;

import io.stratum.core.runtime.SettingChange;

/**
 * A runtime setting with its versions, newest first; values as stored JSON with secrets masked.
 *
 * @param name     the setting's name
 * @param section  the console section where it is edited
 * @param versions every saved version, newest first (empty: never saved, the default applies)
 */
public record SettingHistory(String name, String section, List<SettingChange> versions) {
    public boolean saved() {
        return !versions.isEmpty();
    }

    public SettingChange current() {
        return versions.isEmpty() ? null : versions.get(0);
    }
}
