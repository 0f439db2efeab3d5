package io.stratum.client.auth;

/**
 * How a device presents itself at login.
 *
 * @param platform one of {@code android}, {@code ios}, {@code web}, {@code desktop}
 */
public record DeviceInfo(String platform, String appVersion, String deviceName) {
    public static DeviceInfo desktop(String appVersion, String deviceName) {
        return new DeviceInfo("desktop", appVersion, deviceName);
    }
}
