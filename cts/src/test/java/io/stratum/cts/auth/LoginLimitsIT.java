package io.stratum.cts.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.http.conn.params.ConnRoutePNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.SmallLimits;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSmtp;

/**
 * The per-IP limit on PINs: one network address asking for PINs for many e-mail addresses is
 * stopped, whatever address it tries next, while other network addresses are served. Each test
 * sends from its own loopback address (127.x.y.z), so the logins of other tests do not count.
 */
@QuarkusTest
@TestProfile(SmallLimits.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class LoginLimitsIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldRefusePinsForEveryAddressOnceOneIpHasAskedTooOften() {
        InetAddress network = someLoopbackAddress();
        for (int i = 0; i < SmallLimits.CODES_PER_IP; i++) {
            requestPin(network, fresh("visitor" + i)).then().statusCode(202);
        }

        String next = fresh("visitor-next");
        requestPin(network, next).then().statusCode(429).body("error.code", equalTo("too_many_codes"))
                .body("error.message", startsWith("too many codes requested from this network address"))
                .body("error.retry_after", greaterThan(0));
        requestPin(network, fresh("visitor-other")).then().statusCode(429).body("error.code", equalTo("too_many_codes"));
        assertEquals(0, TestSmtp.messagesTo(next).size(), "no PIN is mailed when the limit is hit");
    }

    @Test
    void shouldKeepServingOtherIpsWhenOneIpIsAtTheLimit() {
        InetAddress busy = someLoopbackAddress();
        for (int i = 0; i <= SmallLimits.CODES_PER_IP; i++) {
            requestPin(busy, fresh("crowd" + i));
        }
        requestPin(busy, fresh("crowd-more")).then().statusCode(429);

        String neighbour = fresh("neighbour");
        requestPin(someLoopbackAddress(), neighbour).then().statusCode(202);
        TestSmtp.awaitPin(neighbour, 1, Duration.ofSeconds(20));
    }

    private static Response requestPin(InetAddress from, String email) {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam(ConnRoutePNames.LOCAL_ADDRESS, from)))
                .contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code");
    }

    /** A loopback address other than 127.0.0.1 (on Linux the whole 127/8 reaches the server on localhost). */
    private static InetAddress someLoopbackAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(1, 255), (byte) random.nextInt(256),
                    (byte) random.nextInt(1, 255)});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
    }
}
