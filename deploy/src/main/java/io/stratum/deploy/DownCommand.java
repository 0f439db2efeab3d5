package io.stratum.deploy;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the server, and the Kafka broker and PostgreSQL if `stratum up` started them.")
final class DownCommand implements Callable<Integer> {
    @Mixin
    InstallationOption installation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var install = installation.open();
        install.down();
        spec.commandLine().getOut().println("Stopped " + install.settings().role().name() + " server " + install.settings().serverId() + ".");
        return 0;
    }
}
