package io.stratum.cts;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A CTS with limits small enough for a test to reach: PINs per client IP, WebSocket connections per
 * IP and sends per user. Test classes that share this profile share one start of the server.
 */
public class SmallLimits implements QuarkusTestProfile {
    /** PINs one IP may ask for in an hour; the logins of the tests on this profile from 127.0.0.1 stay below it. */
    public static final int CODES_PER_IP = 8;
    public static final int CONNECTIONS_PER_IP = 3;
    /** A burst of sends with one more each second. */
    public static final int SEND_BURST = 10;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("stratum.auth.codes-per-ip-per-hour", String.valueOf(CODES_PER_IP),
                "stratum.live.connections-per-ip", String.valueOf(CONNECTIONS_PER_IP),
                "stratum.live.sends-per-second", "1",
                "stratum.live.send-burst", String.valueOf(SEND_BURST));
    }
}
