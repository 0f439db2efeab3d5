package io.stratum.cts.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import io.stratum.client.http.StratumException;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestLdap;

/** Directory (LDAP) login through the Java SDK, against the test's own slapd, as a bot or desktop app would log in. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class DirectoryClientLoginIT {
    private final TestLdap ldap = TestLdap.shared();

    @BeforeEach
    void pointTheServerAtTheTestDirectory() {
        ldap.start();
        Directory.configure(ConsoleAdmin.full(), ldap);
    }

    @Test
    void shouldLogInWithDirectoryCredentialsAndUseTheSession() {
        String uid = "nina-" + UUID.randomUUID().toString().substring(0, 8);
        Directory.addPerson(ldap, uid, "Nina Petrova", "Analyst", "Finance", "+7 495 100-00-21");
        StratumClient client = StratumClient.of(server());

        Credentials login = client.directoryLogin().logIn(uid, (uid + "-pass").toCharArray(), new DeviceInfo("web", "2.1.0", "Nina's browser"));
        StratumSession session = client.session(login, CredentialStore.IN_MEMORY);

        assertEquals(login.huid() + "@cts-test", login.address());
        Me me = session.me();
        assertEquals("Nina Petrova", me.name());
        assertEquals(uid + "@corp.test", me.email());
        assertEquals("web", me.platform());
        assertEquals(login.huid(), session.refreshTokens().huid(), "the tokens renew as after any login");
    }

    @Test
    void shouldRefuseAWrongPasswordWithTheServersCode() {
        String uid = "oleg-" + UUID.randomUUID().toString().substring(0, 8);
        Directory.addPerson(ldap, uid, "Oleg Kim", "Engineer", "IT", "+7 495 100-00-22");
        StratumClient client = StratumClient.of(server());

        StratumException refused = assertThrows(StratumException.class,
                () -> client.directoryLogin().logIn(uid, "not-his-password".toCharArray(), DeviceInfo.desktop("test", "test")));

        assertEquals("directory_credentials_invalid", refused.code());
        assertEquals(401, refused.status());
    }

    private static java.net.URI server() {
        return java.net.URI.create("http://localhost:" + RestAssured.port);
    }
}
