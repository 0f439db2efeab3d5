package io.stratum.deploy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stratum}: install, run and inspect Stratum servers on this machine. */
@Command(name = "stratum", mixinStandardHelpOptions = true, versionProvider = StratumVersion.class,
        description = "Install, run and inspect Stratum servers (RTS, ETS, CTS) on this machine.",
        subcommands = {InitCommand.class, UpCommand.class, DownCommand.class, RestartCommand.class,
                StatusCommand.class, LogsCommand.class, AddAdminCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class StratumCommand {
    /** Exit code of a command that failed; usage errors exit with 2. */
    public static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Stratum's error handling: one clear line, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new StratumCommand());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("stratum: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("STRATUM_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return FAILED;
        });
        return commandLine;
    }
}
