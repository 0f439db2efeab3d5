package io.stratum.deploy.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.stratum.common.settings.Role;

/**
 * Where the built Stratum lives: the source tree the command was built from (or {@code STRATUM_HOME}).
 * Role jars are {@code <role>/target/quarkus-app/quarkus-run.jar}; Kafka's libraries are
 * {@code deploy/target/kafka-libs}.
 */
public record StratumHome(Path root) {
    public static StratumHome locate() {
        String env = System.getenv("STRATUM_HOME");
        if (env != null && !env.isBlank()) {
            return new StratumHome(Path.of(env).toAbsolutePath().normalize());
        }
        try {
            Path jar = Path.of(StratumHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // deploy/target/stratum-cli.jar -> the repository root
            return new StratumHome(jar.getParent().getParent().getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path roleJar(Role role) {
        Path jar = root.resolve(role.code()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the " + role.name() + " server is not built (" + jar + " is missing); "
                    + "build with: mvn -B package -DskipTests");
        }
        return jar;
    }

    public Path kafkaLibraries() {
        return root.resolve("deploy/target/kafka-libs");
    }
}
