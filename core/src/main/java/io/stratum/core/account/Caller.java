package io.stratum.core.account;

import java.util.UUID;

/** The authenticated chat user and device behind a request or a WebSocket connection. */
public record Caller(UUID huid, UUID deviceId, Platform platform) {
}
