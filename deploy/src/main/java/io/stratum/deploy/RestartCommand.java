package io.stratum.deploy;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart the server process (PostgreSQL and Kafka keep running); returns when it is ready.")
final class RestartCommand implements Callable<Integer> {
    @Mixin
    InstallationOption installation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var install = installation.open();
        install.server().stop();
        install.up();
        StatusTable.print(spec.commandLine().getOut(), install.status());
        return 0;
    }
}
