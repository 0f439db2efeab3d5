package io.stratum.core.account;

import java.util.UUID;

/** What a login or a refresh returns to the device. The tokens exist in clear only here. */
public record TokenPair(UUID deviceId, String accessToken, long accessExpiresIn, String refreshToken, long refreshExpiresIn) {
}
