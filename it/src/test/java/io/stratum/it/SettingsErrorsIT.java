package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A role jar started with a broken settings.yaml stops at once with exit code 2 and one line that
 * names the problem: no stack trace, and never the value of a secret.
 */
class SettingsErrorsIT {
    static final String SECRET = "0123456789abcdef0123456789abcdef-never-shown";
    static final String VALID = """
            project_type: cts
            ccs_host: cts.example.org
            cts_id: 'cts-broken'
            api_internal_token: %1$s
            secret_key_base: %1$s
            postgres_host: localhost:5432
            postgres_user: nobody
            postgres_password: %1$s
            postgres_db: nothing
            kafka_host: localhost:9092
            """.formatted(SECRET);

    @TempDir
    Path directory;

    /** A broken settings.yaml: the valid one with a line removed and/or a line added, and what the error says. */
    record Case(String name, String remove, String add, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("missing key", "postgres_db: nothing", null, "required key `postgres_db` is missing"),
                new Case("unknown key", null, "postgres_hots: db", "unknown key `postgres_hots`"),
                new Case("malformed YAML", null, "postgres_password: [" + SECRET, "not valid YAML at line"),
                new Case("duplicate secret", null, "postgres_password: again", "duplicate key postgres_password"),
                new Case("wrong role", "project_type: cts", "project_type: rts", "`project_type` is rts but this is the CTS server"),
                new Case("short secret", "secret_key_base: " + SECRET, "secret_key_base: tooshort", "`secret_key_base` is too short"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRefuseToStartWithOneClearLine(Case broken) throws IOException {
        String text = VALID;
        if (broken.remove() != null) {
            text = text.replace(broken.remove() + "\n", "");
        }
        if (broken.add() != null) {
            text = text + broken.add() + "\n";
        }
        Files.writeString(directory.resolve("settings.yaml"), text);

        Stratum.Result result = Stratum.run(List.of("java", "-jar", Stratum.roleJar("cts").toString()), directory, Map.of(),
                Duration.ofSeconds(60));

        assertEquals(2, result.exitCode(), result.all());
        assertTrue(result.err().contains(broken.expected()), result.all());
        assertTrue(result.err().startsWith("stratum-cts: cannot start: "), result.all());
        assertEquals(1, result.err().strip().lines().count(), "one line, no stack trace: " + result.all());
        assertFalse(result.all().contains(SECRET), "a secret was printed: " + result.all());
        assertFalse(result.all().contains("tooshort"), "a secret was printed: " + result.all());
    }
}
