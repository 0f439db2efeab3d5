package io.stratum.common.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreSettingsTest {
    private static final String S3 = """
            file_service_env_override:
              ADAPTER: s3
              AWS_ACCESS_KEY_ID: access-key
              AWS_SECRET_ACCESS_KEY: %s
              AWS_S3_URI: https://storage.minio.local
              AWS_S3_BUCKET: cts-files
            """.formatted(SettingsFileTest.SECRET);

    @TempDir
    Path dir;

    @Test
    void shouldMapTheS3BlockOntoFileProperties() throws IOException {
        Map<String, String> p = read(S3).toProperties();

        assertEquals("s3", p.get("stratum.files.adapter"));
        assertEquals("access-key", p.get("stratum.files.s3.access-key-id"));
        assertEquals(SettingsFileTest.SECRET, p.get("stratum.files.s3.secret-access-key"));
        assertEquals("https://storage.minio.local", p.get("stratum.files.s3.uri"));
        assertEquals("cts-files", p.get("stratum.files.s3.bucket"));
    }

    @Test
    void shouldLeaveTheDefaultLocalStoreWhenTheBlockIsAbsent() throws IOException {
        assertFalse(read("").toProperties().containsKey("stratum.files.adapter"));
    }

    @Test
    void shouldMapALocalDirectory() throws IOException {
        Map<String, String> p = read("file_service_env_override:\n  ADAPTER: local\n  UPLOADS_DIR: /mnt/nfs/files\n").toProperties();

        assertEquals("local", p.get("stratum.files.adapter"));
        assertEquals("/mnt/nfs/files", p.get("stratum.files.local.directory"));
    }

    @Test
    void shouldNameAnUnknownKeyInTheBlock() {
        String message = refusal(S3 + "  AWS_S3_BUKET: typo\n");

        assertTrue(message.contains("`file_service_env_override` has an unknown key `AWS_S3_BUKET`"), message);
    }

    @Test
    void shouldNameAMissingS3KeyWithoutShowingTheSecret() {
        String message = refusal(S3.replace("  AWS_S3_BUCKET: cts-files\n", ""));

        assertTrue(message.contains("key `AWS_S3_BUCKET` is missing"), message);
        assertFalse(message.contains(SettingsFileTest.SECRET), message);
    }

    @Test
    void shouldRefuseAnUnknownAdapter() {
        String message = refusal(S3.replace("ADAPTER: s3", "ADAPTER: ftp"));

        assertTrue(message.contains("key `ADAPTER` must be local or s3"), message);
    }

    @Test
    void shouldRefuseAnAddressThatIsNotHttp() {
        String message = refusal(S3.replace("https://storage.minio.local", "storage.minio.local"));

        assertTrue(message.contains("key `AWS_S3_URI` must be the storage's address"), message);
    }

    private Settings read(String extra) throws IOException {
        Path file = dir.resolve("settings.yaml");
        Files.writeString(file, SettingsFileTest.VALID_CTS + extra);
        return SettingsFile.read(file, Optional.of(Role.CTS));
    }

    private String refusal(String extra) {
        return assertThrows(SettingsException.class, () -> read(extra)).getMessage();
    }
}
