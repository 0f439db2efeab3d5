package io.stratum.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.stratum.deploy.demo.DemoFederation;
import io.stratum.deploy.install.StratumHome;
import io.stratum.deploy.mail.DemoMailbox;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the local demo federation: one RTS, one ETS, two CTS under the ETS and one CTS under the RTS. "
                + "Returns when every server is ready and prints their URLs.",
        subcommands = {DemoCommand.Down.class, DemoCommand.Status.class, DemoCommand.Mail.class})
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Demo directory (default: .demo in the Stratum source tree).")
    Path directory;

    @Spec
    CommandSpec spec;

    DemoFederation federation() {
        StratumHome home = StratumHome.locate();
        return new DemoFederation(directory == null ? home.root().resolve(".demo") : directory, home);
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("Starting the demo federation (PostgreSQL, Kafka, 5 servers); this takes a minute ...");
        out.flush();
        DemoFederation demo = federation();
        demo.up();
        StatusTable.print(out, demo.status());
        out.println();
        demo.describe().forEach(out::println);
        out.println();
        demo.describeLogins().forEach(out::println);
        out.println();
        out.println("Trusts: ets and cts-c under rts, cts-a and cts-b under ets, and a direct partner trust cts-a <-> cts-c;");
        out.println("their links turn green within seconds (each console's Trusts page; the demo administrator's password is");
        out.println("in <dir of the server>/demo-admin-password).");
        out.println();
        out.println("Console: create its first administrator with deploy/stratum add-admin --dir <dir of the server> -u admin -p -");
        out.println("Stop it with: deploy/stratum demo down    Check it with: deploy/stratum demo status");
        return 0;
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every server of the demo, its Kafka, and PostgreSQL if the demo started it.")
    static final class Down implements Callable<Integer> {
        @ParentCommand
        DemoCommand demo;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            demo.federation().down();
            spec.commandLine().getOut().println("Demo federation stopped.");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the demo's components; exit 0 only if all are healthy.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DemoCommand demo;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return StatusTable.print(spec.commandLine().getOut(), demo.federation().status()) ? 0 : StratumCommand.FAILED;
        }
    }

    @Command(name = "mail", mixinStandardHelpOptions = true,
            description = "Show the mail the demo servers sent (the PINs for logging in). With an address: the latest PIN sent to it.")
    static final class Mail implements Callable<Integer> {
        @ParentCommand
        DemoCommand demo;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "ADDRESS", description = "e.g. alice@cts-a.demo")
        String address;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            DemoMailbox mailbox = demo.federation().mailbox();
            if (address == null) {
                List<DemoMailbox.Mail> mails = mailbox.all();
                if (mails.isEmpty()) {
                    out.println("No mail yet. Ask for a PIN, e.g.: deploy/stratum-chat login alice@cts-a.demo");
                }
                mails.stream().skip(Math.max(0, mails.size() - 20))
                        .forEach(mail -> out.printf("%s  %-28s  %s%n", mail.date(), mail.to(), mail.subject()));
                return 0;
            }
            var latest = mailbox.to(address).stream().filter(mail -> mail.pin().isPresent()).reduce((first, second) -> second);
            if (latest.isEmpty()) {
                spec.commandLine().getErr().println("No PIN has been sent to " + address + " yet.");
                return StratumCommand.FAILED;
            }
            out.println("PIN for " + address + ": " + latest.get().pin().get() + "  (sent " + latest.get().date() + ")");
            return 0;
        }
    }
}
