package io.stratum.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.stratum.common.password.PasswordPolicy;
import io.stratum.deploy.admin.AdministratorStore;

@Command(name = "add-admin", mixinStandardHelpOptions = true,
        description = "Create a console administrator. The password must follow the password policy; "
                + "`-p -` reads it from standard input so it stays out of the shell history.")
final class AddAdminCommand implements Callable<Integer> {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Mixin
    InstallationOption installation;

    @Option(names = {"-u", "--user"}, required = true, paramLabel = "NAME", description = "Administrator login.")
    String username;

    @Option(names = {"-p", "--password"}, required = true, paramLabel = "PASS", description = "Password, or - to read it from standard input.")
    String password;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("the login must be 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        String secret = "-".equals(password)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                : password;
        if (secret == null) {
            throw new IllegalArgumentException("no password on standard input");
        }
        var broken = PasswordPolicy.check(username, secret);
        if (broken.isPresent()) {
            spec.commandLine().getErr().println("stratum: password refused: " + broken.get());
            return StratumCommand.FAILED;
        }
        var install = installation.open();
        new AdministratorStore(install.settings()).create(username, secret);
        spec.commandLine().getOut().println("Administrator `" + username + "` created on server " + install.settings().serverId() + ".");
        return 0;
    }
}
