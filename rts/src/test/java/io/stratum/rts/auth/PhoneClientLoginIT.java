package io.stratum.rts.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.stratum.client.Me;
import io.stratum.client.StratumClient;
import io.stratum.client.StratumSession;
import io.stratum.client.auth.CredentialStore;
import io.stratum.client.auth.Credentials;
import io.stratum.client.auth.DeviceInfo;
import io.stratum.client.auth.SmsCodeSent;
import io.stratum.client.http.StratumException;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.SmsProviderTestResource;
import io.stratum.testsupport.TestSmsProvider;

/** Phone login through the Java SDK on an RTS, with the code read from what the stand-in SMS provider received. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmsProviderTestResource.class)
class PhoneClientLoginIT {

    @Test
    void shouldLogInWithTheCodeFromTheSmsAndUseTheSession() {
        String phone = freshNumber();
        StratumClient client = StratumClient.of(server());

        SmsCodeSent sent = client.phoneLogin().requestCode(phone.substring(0, 2) + " (" + phone.substring(2, 5) + ") " + phone.substring(5));
        String code = TestSmsProvider.awaitCode(phone, 1, Duration.ofSeconds(20));
        Credentials login = client.phoneLogin().confirm(sent.phone(), code, new DeviceInfo("android", "3.2.0", "Pixel 8"));
        StratumSession session = client.session(login, CredentialStore.IN_MEMORY);

        assertEquals(phone, sent.phone(), "the server answers with the number in international form");
        assertTrue(sent.expiresInSeconds() > 0);
        assertEquals(login.huid() + "@rts-test", login.address());
        Me me = session.me();
        assertEquals(phone, me.phone());
        assertEquals("android", me.platform());
        assertEquals(login.huid(), session.refreshTokens().huid(), "the tokens renew as after any login");
    }

    @Test
    void shouldRefuseAWrongCodeWithTheAttemptsLeft() {
        String phone = freshNumber();
        StratumClient client = StratumClient.of(server());
        client.phoneLogin().requestCode(phone);
        String code = TestSmsProvider.awaitCode(phone, 1, Duration.ofSeconds(20));

        StratumException refused = assertThrows(StratumException.class,
                () -> client.phoneLogin().confirm(phone, code.equals("000000") ? "111111" : "000000", DeviceInfo.desktop("test", "test")));

        assertEquals("code_invalid", refused.code());
        assertEquals(401, refused.status());
        assertTrue(refused.attemptsLeft().isPresent());
    }

    @Test
    void shouldRefuseANumberNotInInternationalForm() {
        StratumException refused = assertThrows(StratumException.class, () -> StratumClient.of(server()).phoneLogin().requestCode("8 999 123"));

        assertEquals("phone_invalid", refused.code());
        assertEquals(400, refused.status());
    }

    private static URI server() {
        return URI.create("http://localhost:" + RestAssured.port);
    }

    private static String freshNumber() {
        return "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
