package io.stratum.client.terminal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.stratum.client.StratumClient;
import io.stratum.client.auth.CodeSent;
import io.stratum.client.auth.Credentials;
import io.stratum.client.auth.DeviceInfo;
import io.stratum.client.auth.SmsCodeSent;

/**
 * {@code login}: one of the three ways in, chosen by a flag or asked for — e-mail PIN (ETS, CTS,
 * RTS), phone number and SMS code (RTS), directory login and password (CTS with AD/LDAP). Whatever
 * the way, the login is kept in the profile. The password is read without echo when there is a
 * console, and never kept.
 */
final class LoginDialog {
    static final String USAGE = "login [EMAIL | --email EMAIL | --phone NUMBER | --directory LOGIN]";

    private final BufferedReader in;
    private final PrintStream out;
    private final Console console;
    private final DeviceInfo device;

    LoginDialog(BufferedReader in, PrintStream out, Console console, DeviceInfo device) {
        this.in = in;
        this.out = out;
        this.console = console;
        this.device = device;
    }

    /** Whether {@code args} are arguments of {@code login}. */
    static boolean accepts(List<String> args) {
        return args.isEmpty() || args.size() == 1 && !args.get(0).startsWith("--")
                || args.size() == 2 && List.of("--email", "--phone", "--directory").contains(args.get(0));
    }

    /** Logs in to {@code server} as {@code args} say (asking what is missing) and keeps the login in {@code directory}. */
    void run(List<String> args, String server, Path directory) throws IOException {
        String way;
        String who;
        if (args.isEmpty()) {
            way = ask("Log in with (e) e-mail PIN, (p) phone SMS code or (d) directory password? [e] ").toLowerCase(Locale.ROOT);
            way = way.isEmpty() ? "e" : way.substring(0, 1);
            who = ask(switch (way) {
                case "p" -> "Phone number: ";
                case "d" -> "Directory login: ";
                default -> "E-mail: ";
            });
        } else if (args.size() == 1 && !args.get(0).startsWith("--")) {
            way = "e";
            who = args.get(0);
        } else if (args.size() == 2) {
            way = switch (args.get(0)) {
                case "--email" -> "e";
                case "--phone" -> "p";
                case "--directory" -> "d";
                default -> throw new IllegalArgumentException("usage: stratum-chat " + USAGE);
            };
            who = args.get(1);
        } else {
            throw new IllegalArgumentException("usage: stratum-chat " + USAGE);
        }
        if (who.isBlank()) {
            throw new IllegalArgumentException("nothing entered");
        }
        StratumClient client = StratumClient.of(URI.create(server));
        Credentials credentials = switch (way) {
            case "p" -> byPhone(client, who.strip());
            case "d" -> byDirectory(client, who.strip());
            default -> byEmail(client, who.strip());
        };
        new Profile(directory, server).save(credentials);
        out.println("Logged in as " + credentials.address() + " on " + server + ".");
    }

    private Credentials byEmail(StratumClient client, String email) throws IOException {
        CodeSent sent = client.emailLogin().requestCode(email);
        out.println("A PIN was sent to " + sent.email() + " (valid " + sent.expiresInSeconds() / 60 + " min).");
        return client.emailLogin().confirm(email, required("PIN: ", "no PIN entered"), device);
    }

    private Credentials byPhone(StratumClient client, String phone) throws IOException {
        SmsCodeSent sent = client.phoneLogin().requestCode(phone);
        out.println("A code was sent by SMS to " + sent.phone() + " (valid " + sent.expiresInSeconds() / 60 + " min).");
        return client.phoneLogin().confirm(sent.phone(), required("Code: ", "no code entered"), device);
    }

    private Credentials byDirectory(StratumClient client, String login) throws IOException {
        char[] password = console != null ? console.readPassword("Password: ") : ask("Password: ").toCharArray();
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("no password entered");
        }
        try {
            return client.directoryLogin().logIn(login, password, device);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private String required(String prompt, String otherwise) throws IOException {
        String answer = ask(prompt);
        if (answer.isEmpty()) {
            throw new IllegalArgumentException(otherwise);
        }
        return answer;
    }

    private String ask(String prompt) throws IOException {
        out.print(prompt);
        out.flush();
        String line = in.readLine();
        return line == null ? "" : line.strip();
    }
}
