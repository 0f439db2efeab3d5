package io.stratum.core.directory;

import io.stratum.core.runtime.RuntimeSetting;

/** The JSON form of {@link DirectorySettings} in the runtime settings: the bind password only sealed (Base64). */
record StoredDirectorySettings(boolean enabled, String url, String bindDn, String bindPasswordSealed, String baseDn,
        String userFilter, AttributeMapping attributes, String disabledAttribute, String disabledValue, int syncIntervalMinutes) {
    static final RuntimeSetting<StoredDirectorySettings> SETTING =
            new RuntimeSetting<>("directory", StoredDirectorySettings.class, null);
}
