package io.stratum.admin.settings;

import io.stratum.core.runtime.RuntimeSetting;

/** Whether the Logs section keeps and shows recent log lines (runtime setting {@code console.logs}). */
public record ConsoleLogsSetting(boolean enabled) {
    public static final RuntimeSetting<ConsoleLogsSetting> SETTING =
            new RuntimeSetting<>("console.logs", ConsoleLogsSetting.class, new ConsoleLogsSetting(true));
}
