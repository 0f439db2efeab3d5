package io.stratum.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Creates the run's users the way a login leaves them: a {@code chat_user} row, a {@code device}
 * row and an access token whose SHA-256 is stored in {@code device_token} — the same rows and the
 * same token format {@code DeviceSessions.open} writes. Only the PIN e-mail round trip is skipped;
 * the server authenticates these tokens exactly as it does a login's.
 */
final class BenchUsers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private BenchUsers() {
    }

    static List<BenchUser> create(String jdbcUrl, String user, String password, String runId, int count) throws SQLException {
        List<BenchUser> users = new ArrayList<>(count);
        try (Connection db = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", user, password)) {
            db.setAutoCommit(false);
            try (PreparedStatement chatUser = db.prepareStatement(
                         "INSERT INTO chat_user (huid, email, name, source) VALUES (?, ?, ?, 'email')");
                 PreparedStatement device = db.prepareStatement(
                         "INSERT INTO device (id, huid, platform, app_version, name, ip) VALUES (?, ?, 'desktop', 'bench', 'bench', '127.0.0.1')");
                 PreparedStatement token = db.prepareStatement(
                         "INSERT INTO device_token (token_hash, device_id, kind, expires_at) VALUES (?, ?, 'access', now() + interval '1 day')")) {
                for (int i = 0; i < count; i++) {
                    UUID huid = UUID.randomUUID();
                    UUID deviceId = UUID.randomUUID();
                    String access = newToken();
                    chatUser.setObject(1, huid);
                    chatUser.setString(2, "bench-" + runId + "-" + i + "@bench.example");
                    chatUser.setString(3, "Bench " + i);
                    chatUser.addBatch();
                    device.setObject(1, deviceId);
                    device.setObject(2, huid);
                    device.addBatch();
                    token.setBytes(1, sha256(access));
                    token.setObject(2, deviceId);
                    token.addBatch();
                    users.add(new BenchUser(huid, deviceId, access));
                    if (i % 1000 == 999 || i == count - 1) {
                        chatUser.executeBatch();
                        device.executeBatch();
                        token.executeBatch();
                    }
                }
            }
            db.commit();
        }
        return users;
    }

    private static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "stm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
