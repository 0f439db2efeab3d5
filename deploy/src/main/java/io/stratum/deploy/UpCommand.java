package io.stratum.deploy;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.stratum.deploy.install.Installation;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL and Kafka (when settings.yaml points at this machine) and the server; "
                + "the server applies database migrations; returns when it is ready.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    InstallationOption installation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Installation install = installation.open();
        var out = spec.commandLine().getOut();
        out.println("Starting " + install.settings().role().name() + " server " + install.settings().serverId() + " ...");
        out.flush();
        install.up();
        StatusTable.print(out, install.status());
        out.println("Ready: " + install.server().url());
        return 0;
    }
}
