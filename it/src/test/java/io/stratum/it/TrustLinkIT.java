package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stratum.common.settings.Settings;
import io.vertx.core.json.JsonObject;

/**
 * Two partner CTS servers (packaged jars, each with its own database) set up a trust with crosswise
 * tokens through their admin APIs: the link turns green on both sides; a wrong token, a blocked trust
 * are refused, audited and shown red/purple; fixing the record heals the link without a restart.
 */
class TrustLinkIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    private final List<PackagedCts> servers = new ArrayList<>();

    /** A started CTS with the administrator's API session. */
    record Server(PackagedCts cts, PackagedCts.ApiSession session) {
        String id() {
            return cts.id();
        }

        String name() {
            return cts.name();
        }

        String url() {
            return cts.url();
        }

        Settings settings() {
            return cts.settings();
        }

        String cookie() {
            return session.cookie();
        }

        String csrf() {
            return session.csrf();
        }

        String metricsPassword() {
            return cts.metricsPassword();
        }
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (PackagedCts server : servers) {
            server.close();
        }
    }

    @Test
    void shouldConnectPartnersWithCrosswiseTokensAndRefuseWrongOrBlockedTrusts() throws Exception {
        Server a = start("a");
        Server b = start("b");
        Server dialer = a.id().compareTo(b.id()) < 0 ? a : b;
        Server acceptor = dialer == a ? b : a;
        String t1 = "partner-token-one-" + UUID.randomUUID();
        String t2 = "partner-token-two-" + UUID.randomUUID();

        // The acceptor's record is right; the dialer first presents a wrong token.
        createTrust(acceptor, dialer, t1, t2);
        createTrust(dialer, acceptor, t2, "a-wrong-token-" + UUID.randomUUID());
        JsonObject refused = awaitLink(dialer, acceptor.id(), link -> link.getString("lastProblem").equals("refused_by_remote:token_refused"));
        assertEquals("RED", refused.getString("state"));
        Stratum.await("the refusal in the acceptor's audit log", Duration.ofSeconds(30),
                () -> audited(acceptor, dialer.id(), "FAILURE", "token_refused"));

        assertTrue(storedBackoffs(dialer, acceptor.id()) > 0, "the failed dial's backoff is kept in the database");

        // Fixing the token heals the link without a restart; both sides see it green.
        call(dialer, "PUT", "/api/v1/admin/trusts/" + acceptor.id(), trust(acceptor, t2, t1), 200);
        awaitLink(dialer, acceptor.id(), link -> link.getString("state").equals("GREEN"));
        awaitLink(acceptor, dialer.id(), link -> link.getString("state").equals("GREEN"));
        Stratum.await("the backoff to be reset once the link is up", Duration.ofSeconds(10), () -> storedBackoffs(dialer, acceptor.id()) == 0);
        awaitMetric(acceptor, "connection_status{remote=\"" + dialer.id() + "\"} 1");
        assertTrue(audited(acceptor, dialer.id(), "SUCCESS", ""));

        // Blocking the trust on one side drops the link: purple there, red with the reason on the other.
        call(acceptor, "POST", "/api/v1/admin/trusts/" + dialer.id() + "/disable", null, 200);
        awaitLink(acceptor, dialer.id(), link -> link.getString("state").equals("PURPLE"));
        awaitLink(dialer, acceptor.id(), link -> link.getString("state").equals("RED")
                && link.getString("lastProblem").equals("refused_by_remote:trust_disabled"));
        awaitMetric(acceptor, "connection_status{remote=\"" + dialer.id() + "\"} -1");

        call(acceptor, "POST", "/api/v1/admin/trusts/" + dialer.id() + "/enable", null, 200);
        awaitLink(dialer, acceptor.id(), link -> link.getString("state").equals("GREEN"));
        String logs = Files.readString(dialer.cts().log()) + Files.readString(acceptor.cts().log());
        assertTrue(!logs.contains(t1) && !logs.contains(t2), "tokens never appear in the logs");
    }

    /** A server that keeps failing to answer: the dialer's backoff (failures so far, next attempt) survives a restart. */
    @Test
    void shouldKeepTheDialBackoffAcrossARestart() throws Exception {
        Server a = start("a");
        String gone = "zz-gone-" + UUID.randomUUID(); // sorts after a's id, so a dials (partners: the smaller id dials)
        call(a, "POST", "/api/v1/admin/trusts", new JsonObject().put("remoteId", gone).put("name", "Gone").put("kind", "CTS")
                .put("endpoint", "localhost:" + Stratum.freePort()).put("tokenForAccept", "accept-" + UUID.randomUUID())
                .put("tokenForConnect", "connect-" + UUID.randomUUID()), 201);
        int before = awaitLink(a, gone, link -> link.getInteger("failures") >= 3).getInteger("failures");

        PackagedCts restarted = a.cts().restart();
        servers.remove(a.cts());
        servers.add(restarted);
        Server again = new Server(restarted, restarted.logIn());
        JsonObject after = new JsonObject(call(again, "GET", "/api/v1/admin/trusts/" + gone + "/link", null, 200));
        assertTrue(after.getInteger("failures") >= before, () -> "the failures before the restart (" + before + ") are still counted: " + after);
        assertEquals("RED", after.getString("state"));
    }

    private static long storedBackoffs(Server on, String remote) {
        try (Connection connection = DriverManager.getConnection(on.settings().jdbcUrl(), on.settings().postgresUser(),
                on.settings().postgresPassword());
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM trust_dial_backoff WHERE remote_id = ?")) {
            query.setString(1, remote);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Server start(String name) throws Exception {
        PackagedCts server = PackagedCts.start(directory, name);
        servers.add(server);
        return new Server(server, server.logIn());
    }

    private static JsonObject trust(Server remote, String acceptToken, String connectToken) {
        return new JsonObject().put("remoteId", remote.id()).put("name", "Partner " + remote.name()).put("kind", "CTS")
                .put("endpoint", remote.cts().trustEndpoint()).put("tokenForAccept", acceptToken)
                .put("tokenForConnect", connectToken);
    }

    private static void createTrust(Server on, Server remote, String acceptToken, String connectToken) throws Exception {
        call(on, "POST", "/api/v1/admin/trusts", trust(remote, acceptToken, connectToken), 201);
    }

    private static String call(Server on, String method, String path, JsonObject body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.url() + path)).header("Cookie", on.cookie())
                .header("X-CSRF-Token", on.csrf()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), () -> method + " " + path + ": " + response.body());
        return response.body();
    }

    private static JsonObject awaitLink(Server on, String remote, java.util.function.Predicate<JsonObject> wanted) {
        JsonObject[] last = {null};
        try {
            Stratum.await("the link of " + on.name() + " with " + remote, Duration.ofSeconds(60), () -> {
                try {
                    last[0] = new JsonObject(call(on, "GET", "/api/v1/admin/trusts/" + remote + "/link", null, 200));
                    return wanted.test(last[0]);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last[0], e);
        }
        return last[0];
    }

    private static boolean audited(Server on, String remote, String result, String detail) {
        try (Connection connection = DriverManager.getConnection(on.settings().jdbcUrl(), on.settings().postgresUser(),
                on.settings().postgresPassword());
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM audit_log WHERE action = 'server.login' "
                        + "AND actor = ? AND result = ? AND details LIKE ?")) {
            query.setString(1, remote);
            query.setString(2, result);
            query.setString(3, "%" + detail + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (Exception e) {
            return false;
        }
    }

    /** The metric follows the state within a dial interval (the series are refreshed by the dialer). */
    private static void awaitMetric(Server on, String line) {
        Stratum.await(line + " on " + on.name(), Duration.ofSeconds(20), () -> metrics(on).contains(line));
    }

    private static String metrics(Server on) {
        HttpResponse<String> response = Stratum.get(on.url() + "/q/metrics", "prometheus", on.metricsPassword());
        return response == null ? "" : response.body();
    }
}
