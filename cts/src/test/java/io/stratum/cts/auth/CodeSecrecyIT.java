package io.stratum.cts.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestPolling;
import io.stratum.testsupport.TestSmtp;
import io.stratum.testsupport.TestSql;

/** A one-time code is known to the mailbox only: not stored, not logged, not audited. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class CodeSecrecyIT {
    @Inject
    MailSettingsStore mailSettings;

    /**
     * Everything the server logs while a test runs (message and parameters: the log format is not ours
     * to parse); the test mail server in the same JVM is not the server.
     */
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("com.icegreen")) {
                return;
            }
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            logged.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void shouldStoreOnlyAKeyedHashOfThePin() {
        String email = fresh("tamara");

        String pin = requestPin(email);

        assertEquals(1L, TestSql.scalar("SELECT count(*) FROM one_time_code WHERE address = ?", email));
        assertEquals(32, TestSql.scalar("SELECT length(code_hash) FROM one_time_code WHERE address = ?", email), "an HMAC-SHA256");
        assertEquals(0L, TestSql.scalar("""
                SELECT count(*) FROM one_time_code WHERE address = ?
                  AND (code_hash = convert_to(?, 'UTF8') OR position(convert_to(?, 'UTF8') IN code_hash) > 0
                       OR code_hash = sha256(convert_to(?, 'UTF8')) OR code_hash = sha256(convert_to(? || ?, 'UTF8')))""",
                email, pin, pin, pin, email, pin), "neither the PIN nor a plain hash of it is stored");
    }

    @Test
    void shouldNeverLogOrAuditThePinRightOrWrong() {
        String email = fresh("ulyana");
        String pin = requestPin(email);
        String wrong = pin.equals("000000") ? "111111" : "000000";

        login(email, wrong).then().statusCode(401);
        login(email, pin).then().statusCode(200);

        TestPolling.await("the failed and the successful login in the audit log", Duration.ofSeconds(20),
                () -> 2L == (Long) TestSql.scalar("SELECT count(*) FROM audit_log WHERE action = 'user.login' AND actor = ?", email));
        assertEquals(0L, TestSql.scalar("SELECT count(*) FROM audit_log WHERE actor = ? AND (details LIKE ? OR details LIKE ? "
                + "OR target LIKE ? OR target LIKE ?)", email, "%" + pin + "%", "%" + wrong + "%", "%" + pin + "%", "%" + wrong + "%"));
        org.jboss.logging.Logger.getLogger(io.stratum.core.auth.LoginAudit.class).infov("marker {0}", email);
        assertTrue(logged.stream().anyMatch(line -> line.contains(email)), "the capture sees the server's log");
        assertTrue(logged.stream().noneMatch(line -> line.contains(pin) || line.contains(wrong)),
                () -> "the server logged a PIN: " + logged.stream().filter(line -> line.contains(pin) || line.contains(wrong)).toList());
    }

    private static String requestPin(String email) {
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/email/code").then().statusCode(202);
        return TestSmtp.awaitPin(email, 1, Duration.ofSeconds(20));
    }

    private static io.restassured.response.Response login(String email, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "code", code, "platform", "web"))
                .post("/api/v1/auth/email/login");
    }

    private static String fresh(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
    }
}
