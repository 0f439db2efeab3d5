package io.stratum.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.audit.AuditRecord;
import io.stratum.core.audit.AuditResult;
import io.stratum.core.audit.AuditStore;
import io.stratum.core.audit.ChainVerification;
import io.stratum.core.audit.ConnectionAudit;
import io.stratum.core.audit.ConnectionEvent;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;

/** The audit log on a real PostgreSQL and Kafka: append-only, tamper-evident, published. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class AuditChainIT {
    @Inject
    ConnectionAudit connections;
    @Inject
    AdminAudit actions;
    @Inject
    AuditStore store;

    private AuditRecord connection(String user) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> connections.record(ConnectionEvent.now(ConnectionEvent.Kind.LOGIN,
                ConnectionEvent.Subject.USER, user, "phone-1", "192.0.2.7", AuditResult.SUCCESS, "")));
    }

    private AuditRecord action(String target, Map<String, ?> before, Map<String, ?> after) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> actions.record(AdminAction.now("auditor", "192.0.2.8", "setting.change",
                target, before, after)));
    }

    private ChainVerification verify() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> store.verify());
    }

    @Test
    void shouldChainEveryRecordToThePreviousOne() throws Throwable {
        AuditRecord first = connection("alice");
        AuditRecord second = action("smtp", Map.of("host", "a"), Map.of("host", "b"));
        assertEquals(first.seq() + 1, second.seq());
        assertEquals(first.hash(), second.prevHash());
        ChainVerification result = verify();
        assertTrue(result.intact(), result.toString());
        assertTrue(result.checked() >= 2);
    }

    @Test
    void shouldMaskSecretsInBeforeAndAfter() throws Throwable {
        AuditRecord record = action("smtp", Map.of("password", "old-secret-1", "host", "mail"),
                Map.of("password", "new-secret-2", "nested", Map.of("apiToken", "t0k3n")));
        assertFalse(record.details().contains("old-secret-1"), record.details());
        assertFalse(record.details().contains("new-secret-2"), record.details());
        assertFalse(record.details().contains("t0k3n"), record.details());
        assertTrue(record.details().contains("\"password\":\"***\""), record.details());
        assertTrue(record.details().contains("\"host\":\"mail\""), record.details());
    }

    @Test
    void shouldRefuseUpdateAndDeleteEvenForTheOwner() throws Throwable {
        AuditRecord record = connection("mallory");
        SQLException update = assertThrows(SQLException.class,
                () -> Admins.sql("UPDATE audit_log SET actor = 'someone-else' WHERE seq = ?", record.seq()));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class, () -> Admins.sql("DELETE FROM audit_log WHERE seq = ?", record.seq()));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
    }

    @Test
    void shouldReportTheFirstRecordChangedBehindTheTriggersBack() throws Throwable {
        connection("before");
        AuditRecord victim = connection("victim");
        connection("after");
        try {
            tamper("UPDATE audit_log SET actor = 'not-the-victim' WHERE seq = " + victim.seq());
            ChainVerification result = verify();
            assertFalse(result.intact());
            assertEquals(victim.seq(), result.brokenSeq());
            assertTrue(result.problem().contains("changed"), result.problem());
        } finally {
            tamper("UPDATE audit_log SET actor = 'victim' WHERE seq = " + victim.seq());
        }
        assertTrue(verify().intact());
    }

    @Test
    void shouldReportARemovedRecord() throws Throwable {
        AuditRecord removed = connection("removed");
        AuditRecord next = connection("next");
        try {
            tamper("CREATE TABLE audit_saved AS SELECT * FROM audit_log WHERE seq = " + removed.seq(),
                    "DELETE FROM audit_log WHERE seq = " + removed.seq());
            ChainVerification result = verify();
            assertFalse(result.intact());
            assertEquals(next.seq(), result.brokenSeq());
            assertTrue(result.problem().contains("missing"), result.problem());
        } finally {
            tamper("INSERT INTO audit_log SELECT * FROM audit_saved", "DROP TABLE audit_saved");
        }
        assertTrue(verify().intact());
    }

    @Test
    void shouldPublishAdminActionsToAdminEvents() throws Throwable {
        String target = "kafka-" + UUID.randomUUID();
        AuditRecord record = action(target, Map.of(), Map.of("enabled", true));
        String published = awaitPublished("admin-events", target);
        assertTrue(published.contains("\"seq\":" + record.seq()), published);
        assertTrue(published.contains("\"hash\":\"" + record.hash() + "\""), published);
    }

    @Test
    void shouldPublishAFailedLoginToSystemEvents() throws Throwable {
        String user = Admins.create("kafka-login", "ADMINISTRATOR", "");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.7.0.1")
                .body("{\"username\":\"" + user + "\",\"password\":\"not-the-password-1\"}").post("/api/v1/admin/session")
                .then().statusCode(401);
        String published = awaitPublished("system-events", "\"actor\":\"" + user + "\"");
        assertTrue(published.contains("\"type\":\"audit\""), published);
        assertTrue(published.contains("\"category\":\"CONNECTION\""), published);
        assertTrue(published.contains("\"action\":\"administrator.login\""), published);
        assertTrue(published.contains("\"result\":\"FAILURE\""), published);
        assertTrue(published.contains("\"ip\":\"10.7.0.1\""), published);
        assertFalse(published.contains("not-the-password-1"), published);
        long seq = (Long) io.stratum.testsupport.TestSql.scalar(
                "SELECT seq FROM audit_log WHERE actor = ? AND action = 'administrator.login' AND result = 'FAILURE'", user);
        assertTrue(published.contains("\"seq\":" + seq), published);
        assertFalse(awaitPublishedOrNull("admin-events", "\"actor\":\"" + user + "\"", Duration.ofSeconds(3)) != null,
                "a connection event is not an administrator action");
    }

    /** The first record on {@code <server id>.<stream>} containing {@code needle}, waiting up to a minute. */
    private static String awaitPublished(String stream, String needle) {
        String found = awaitPublishedOrNull(stream, needle, Duration.ofSeconds(60));
        if (found == null) {
            throw new AssertionError("no record containing " + needle + " on " + stream);
        }
        return found;
    }

    private static String awaitPublishedOrNull(String stream, String needle, Duration wait) {
        String topic = ConfigProvider.getConfig().getValue("stratum.server.id", String.class) + "." + stream;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> published : consumer.poll(Duration.ofMillis(500))) {
                    if (published.value().contains(needle)) {
                        return published.value();
                    }
                }
            }
            return null;
        }
    }

    /** Runs statements as the table's owner with the append-only triggers switched off, as an attacker with that access could. */
    private static void tamper(String... statements) throws SQLException {
        try (Connection connection = Admins.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } finally {
                statement.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
            }
        }
    }
}
