package io.stratum.cts.metrics;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.RoleServerContract;
import io.stratum.testsupport.TestPolling;
import io.stratum.testsupport.TestSql;

/**
 * {@code android_users}, {@code ios_users}, {@code web_users}: the working clients of each platform, as
 * the reference admin guide defines them ("общее кол-во работающих Android клиентов") — devices, so a
 * user's second phone counts too; a device stops counting when it logs out or its login expires.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class PlatformMetricsIT {
    @Inject
    MailSettingsStore mailSettings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
        // Counted every second (test setting): wait for the count to include every earlier test's devices.
        sleep(2100);
    }

    @Test
    void shouldCountADeviceOfEachPlatform() {
        double android = value("android_users");
        double ios = value("ios_users");
        double web = value("web_users");

        MailboxLogin.logIn(fresh("gleb"), "android");
        MailboxLogin.logIn(fresh("daria"), "ios");
        MailboxLogin.logIn(fresh("egor"), "web");

        await("one more client of each platform", () -> value("android_users") == android + 1 && value("ios_users") == ios + 1
                && value("web_users") == web + 1);
    }

    @Test
    void shouldCountEveryPhoneOfAUserAndDropOneThatLogsOut() {
        double android = value("android_users");
        String email = fresh("zhanna");
        JsonPath first = MailboxLogin.logIn(email, "android");
        sleep(2100); // the resend pause between two PINs for one address
        MailboxLogin.logIn(email, "android");
        await("both phones of the user", () -> value("android_users") == android + 2);

        given().auth().oauth2(first.getString("access_token")).post("/api/v1/auth/logout").then().statusCode(204);

        await("the phone that logged out to stop counting", () -> value("android_users") == android + 1);
    }

    @Test
    void shouldStopCountingADeviceWhoseLoginExpired() {
        double web = value("web_users");
        JsonPath login = MailboxLogin.logIn(fresh("zinaida"), "web");
        await("the new web client", () -> value("web_users") == web + 1);

        TestSql.update("UPDATE device_token SET expires_at = now() - interval '1 second' WHERE device_id = ?",
                UUID.fromString(login.getString("device_id")));

        await("the expired web client to stop counting", () -> value("web_users") == web);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        TestPolling.await(what, Duration.ofSeconds(20), condition);
    }

    private static double value(String name) {
        String metrics = given().auth().preemptive().basic("prometheus", RoleServerContract.METRICS_PASSWORD).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
