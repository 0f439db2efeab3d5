package io.stratum.deploy;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every component with its health; exit 0 only if all are healthy, 1 otherwise.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    InstallationOption installation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return StatusTable.print(spec.commandLine().getOut(), installation.open().status()) ? 0 : StratumCommand.FAILED;
    }
}
