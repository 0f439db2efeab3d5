package io.stratum.core.account;

import java.util.Locale;
import java.util.Optional;

/** The kind of client a device is; the metrics android_users, ios_users, ... count by it. */
public enum Platform {
    ANDROID, IOS, WEB, DESKTOP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> fromCode(String code) {
        for (Platform platform : values()) {
            if (platform.code().equals(code)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
