package io.stratum.bench;

import java.util.UUID;

/** A user made for the run, with one device and that device's access token (in clear, as a client holds it). */
record BenchUser(UUID huid, UUID deviceId, String accessToken) {
}
