package io.stratum.core.runtime;

import java.time.OffsetDateTime;

/** One saved version of a runtime setting, as the history shows it (value as stored JSON). */
public record SettingChange(String name, int version, String value, String changedBy, OffsetDateTime changedAt) {
}
