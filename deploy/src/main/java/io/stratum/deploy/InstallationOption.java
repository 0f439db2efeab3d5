package io.stratum.deploy;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import io.stratum.deploy.install.Installation;
import io.stratum.deploy.install.StratumHome;

/** The {@code --dir} option shared by commands that act on one installation. */
public final class InstallationOption {
    @Option(names = {"-d", "--dir"}, defaultValue = ".", paramLabel = "DIR",
            description = "Installation directory holding settings.yaml (default: the current directory).")
    Path directory;

    Installation open() {
        return new Installation(directory, StratumHome.locate());
    }
}
