package io.stratum.core.boot;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import javax.management.JMException;
import javax.management.ObjectName;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Records this JVM's class-data-sharing archive when the server stops, if the process was launched
 * for it: with {@code -XX:+RecordDynamicDumpInfo} and {@code -Dstratum.class-archive=FILE} (the
 * {@code stratum} command does this on a build's first start, and passes
 * {@code -XX:SharedArchiveFile=FILE} on the following ones). The archive holds every class loaded
 * while the server ran, already parsed and verified, which shortens every later start. Dumping
 * pauses the JVM for a second or more, so it happens at the stop, when no user is served any more,
 * never while the server is in use. It is written next to FILE and renamed when complete, so a
 * server killed during the dump leaves no half archive (and the next start records again).
 */
@ApplicationScoped
public class ClassArchiveRecorder {
    private static final Logger LOGGER = Logger.getLogger(ClassArchiveRecorder.class);

    private final Optional<Path> archive;

    public ClassArchiveRecorder(@ConfigProperty(name = "stratum.class-archive") Optional<String> archive) {
        this.archive = archive.map(Path::of);
    }

    // First among the shutdown observers, while everything the server loaded is still there.
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        archive.ifPresent(ClassArchiveRecorder::record);
    }

    private static void record(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(partial);
            // The VM.cds diagnostic command, as `jcmd PID VM.cds dynamic_dump FILE` would run it.
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmCds", new Object[] {new String[] {"dynamic_dump", partial.toString()}},
                    new String[] {String[].class.getName()});
            if (!Files.isRegularFile(partial)) {
                LOGGER.warnv("Class archive not recorded (was the JVM started with -XX:+RecordDynamicDumpInfo?): {0}", file);
                return;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOGGER.infov("Class archive recorded for faster starts: {0} ({1} MB)", file, Files.size(file) >> 20);
        } catch (JMException | IOException | RuntimeException e) {
            LOGGER.warnv("Class archive not recorded; starts stay slower: {0}: {1}", e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
