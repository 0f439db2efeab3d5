package io.stratum.client.terminal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.stratum.client.StratumClient;
import io.stratum.client.StratumSession;
import io.stratum.client.auth.DeviceInfo;
import io.stratum.client.chat.Chat;
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.contacts.AddressBook;
import io.stratum.client.contacts.People;
import io.stratum.client.files.StoredFile;
import io.stratum.client.http.StratumException;
import io.stratum.client.live.Draft;

/**
 * {@code stratum-chat}: the terminal client. {@link #run} is the whole program with its streams
 * passed in, so it can be driven by tests; {@link #main} wires it to the console.
 * Exit codes: 0 done, 1 failed (the message says why), 2 wrong usage.
 */
public final class ChatTerminal {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String DEFAULT_SERVER = "http://localhost:8182";
    private static final String VERSION = "0.1";
    static final String USAGE_TEXT = """
            Usage: stratum-chat [--server URL] [--profile DIR] COMMAND [ARGS]

            Chat on a Stratum server from a shell.

            Commands:
              login EMAIL                   send a PIN to EMAIL, read it from the terminal, keep the login
              login --phone NUMBER          the same with a code sent by SMS (RTS)
              login --directory LOGIN       the same with your directory (AD/LDAP) password (CTS)
              login                         ask which of the three
              logout                        end this device's session and forget the login
              whoami                        your address (give it to people who want to chat with you)
              chats                         your chats: id, kind, name, last message number
              open CHAT                     chat interactively (CHAT: id, the start of an id, or a group's name)
              chat USER                     open the personal chat with USER (their address HUID@server, or HUID)
              send CHAT TEXT...             send one message and exit (for scripts)
              sendfile CHAT PATH [TEXT...]  send a file, with a text if given, and exit
              save CHAT SEQ [DIR]           save the files of message #SEQ into DIR (default: here)
              history CHAT [N]              print the last N events of a chat (default 20)
              who ADDRESS                   a user's profile (any server reachable through the trusts)
              find TEXT...                  search the address book, and the partner servers' books

            In a chat: type a line to send it; /history [N], /edit #SEQ TEXT, /delete #SEQ,
            /file PATH (send a file), /save #SEQ [DIR] (save a message's files), /quit.

            Options:
              --server URL                  the server (default: the one you logged in to, else %s)
              --profile DIR                 where the login is kept (default: ~/.stratum-chat, or $STRATUM_CHAT_PROFILE)
              -h, --help                    this text
            """.formatted(DEFAULT_SERVER);

    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final AddressBook addressBook;
    private final Console console;

    ChatTerminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment, AddressBook addressBook,
            Console console) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.addressBook = addressBook;
        this.console = console;
    }

    public static void main(String[] args) {
        // The console, when there is one, reads passwords without echo.
        System.exit(new ChatTerminal(System.in, System.out, System.err, System.getenv(), AddressBook.NONE, System.console())
                .execute(List.of(args)));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        return new ChatTerminal(in, out, err, environment, AddressBook.NONE, null).execute(List.of(args));
    }

    int execute(List<String> args) {
        String server = null;
        Path profile = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h", "--help", "help" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "--server", "--profile" -> {
                    if (i + 1 >= args.size()) {
                        return usage(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--server")) {
                        server = value;
                    } else {
                        profile = Path.of(value);
                    }
                }
                default -> words.add(arg);
            }
        }
        if (words.isEmpty()) {
            return usage("name a command");
        }
        Path directory = profile != null ? profile : defaultProfile();
        try {
            return command(words.get(0), words.subList(1, words.size()), server, directory);
        } catch (StratumException e) {
            err.println("stratum-chat: " + e.getMessage() + " (" + e.code() + ")"
                    + ("refresh_invalid".equals(e.code()) || "token_invalid".equals(e.code()) ? "; log in again" : ""));
            return FAILED;
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("stratum-chat: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("stratum-chat: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private int command(String name, List<String> args, String server, Path directory) throws IOException, InterruptedException {
        return switch (name) {
            case "login" -> LoginDialog.accepts(args) ? login(args, server, directory) : usage(LoginDialog.USAGE);
            case "logout" -> logout(directory);
            case "whoami" -> whoami(directory, server);
            case "chats" -> chats(session(directory, server));
            case "open" -> args.size() == 1 ? open(directory, server, args.get(0)) : usage("open CHAT");
            case "chat" -> args.size() == 1 ? chatWith(directory, server, args.get(0)) : usage("chat USER");
            case "send" -> args.size() >= 2 ? send(directory, server, args.get(0), String.join(" ", args.subList(1, args.size())))
                    : usage("send CHAT TEXT");
            case "sendfile" -> args.size() >= 2 ? sendFile(session(directory, server), args.get(0), Path.of(args.get(1)),
                    String.join(" ", args.subList(2, args.size()))) : usage("sendfile CHAT PATH [TEXT]");
            case "save" -> args.size() == 2 || args.size() == 3 ? save(session(directory, server), args.get(0), args.get(1),
                    Path.of(args.size() == 3 ? args.get(2) : ".")) : usage("save CHAT SEQ [DIR]");
            case "history" -> args.size() == 1 || args.size() == 2
                    ? history(directory, server, args.get(0), args.size() == 2 ? Integer.parseInt(args.get(1)) : 20)
                    : usage("history CHAT [N]");
            case "who" -> args.size() == 1 ? who(session(directory, server), args.get(0)) : usage("who ADDRESS");
            case "find" -> !args.isEmpty() ? find(session(directory, server), String.join(" ", args)) : usage("find TEXT");
            default -> usage("unknown command '" + name + "'");
        };
    }

    private int login(List<String> args, String server, Path directory) throws IOException {
        String url = server != null ? server : environment.getOrDefault("STRATUM_CHAT_SERVER", DEFAULT_SERVER);
        new LoginDialog(in, out, console, DeviceInfo.desktop(VERSION, "stratum-chat on " + host())).run(args, url, directory);
        return OK;
    }

    private int logout(Path directory) {
        Optional<Profile.StoredLogin> stored = Profile.read(directory);
        if (stored.isEmpty()) {
            out.println("Not logged in.");
            return OK;
        }
        Profile profile = new Profile(directory, stored.get().server());
        try {
            StratumClient.of(URI.create(stored.get().server())).session(stored.get().credentials(), profile).logOut();
        } finally {
            profile.delete();
        }
        out.println("Logged out.");
        return OK;
    }

    private int whoami(Path directory, String server) {
        StratumSession session = session(directory, server);
        var me = session.me();
        out.println(me.address() + (me.email() == null ? "" : "  " + me.email()));
        return OK;
    }

    private int chats(StratumSession session) {
        List<Chat> chats = session.chats().list();
        if (chats.isEmpty()) {
            out.println("No chats yet. Start one with: stratum-chat chat ADDRESS");
        }
        for (Chat chat : chats) {
            out.printf("%s  %-8s  %-30s  #%d%n", chat.id(), chat.kind(), title(chat.isPersonal() ? session.chats().get(chat.id()) : chat,
                    session.credentials().huid()), chat.lastSeq());
        }
        return OK;
    }

    private int open(Path directory, String server, String reference) throws IOException, InterruptedException {
        StratumSession session = session(directory, server);
        Chat chat = resolve(session, reference);
        return new ChatView(session, session.chats().get(chat.id()), session.credentials().huid(), out).run(in);
    }

    private int chatWith(Path directory, String server, String user) throws IOException, InterruptedException {
        StratumSession session = session(directory, server);
        String address = address(session, user);
        // An address names the other user's server: the chat may span two servers.
        Chat chat = address.contains("@") ? session.chats().createPersonal(address) : session.chats().createPersonal(UUID.fromString(address));
        return new ChatView(session, chat, session.credentials().huid(), out).run(in);
    }

    private int send(Path directory, String server, String reference, String text) {
        StratumSession session = session(directory, server);
        Chat chat = resolve(session, reference);
        long seq = session.chats().sendText(chat.id(), "t-" + UUID.randomUUID(), text);
        out.println("Sent as #" + seq + ".");
        return OK;
    }

    private int sendFile(StratumSession session, String reference, Path file, String text) {
        Chat chat = resolve(session, reference);
        StoredFile stored = new FileCommands(session, out).upload(chat.id(), file);
        List<UUID> files = List.of(stored.id());
        long seq = session.chats().send(chat.id(), "t-" + UUID.randomUUID(),
                text.isBlank() ? Draft.files(files) : Draft.text(text).withAttachments(files));
        out.println("Sent " + FileCommands.described(stored) + " as #" + seq + ".");
        return OK;
    }

    private int save(StratumSession session, String reference, String seq, Path into) {
        Chat chat = resolve(session, reference);
        long number;
        try {
            number = Long.parseLong(seq.replace("#", ""));
        } catch (NumberFormatException e) {
            return usage("save CHAT SEQ [DIR]: SEQ is a message number, such as #12");
        }
        new FileCommands(session, out).save(chat.id(), number, into);
        return OK;
    }

    private int who(StratumSession session, String address) {
        People.Profile profile = session.people().profile(address);
        out.println(profile.name() + "  " + profile.address());
        for (String line : new String[] {profile.position(), profile.department(), profile.company(), profile.email(), profile.phone()}) {
            if (line != null && !line.isBlank()) {
                out.println("  " + line);
            }
        }
        return OK;
    }

    private int find(StratumSession session, String text) {
        List<People.Entry> found = new ArrayList<>(session.people().search(text));
        People.PartnerResults partners = session.people().searchPartners(text);
        found.addAll(partners.entries());
        for (People.Entry entry : found) {
            out.printf("%-28s %-24s %-20s %s%n", entry.name(), entry.email() == null ? "" : entry.email(),
                    entry.company() == null ? "" : entry.company(), entry.address() == null ? "(not a chat user)" : entry.address());
        }
        partners.statusByServer().forEach((partner, status) -> {
            if (!"ok".equals(status)) {
                out.println("(" + partner + " not searched: " + status + ")");
            }
        });
        if (found.isEmpty()) {
            out.println("Nobody found.");
        }
        return OK;
    }

    private int history(Path directory, String server, String reference, int count) {
        StratumSession session = session(directory, server);
        Chat chat = session.chats().get(resolve(session, reference).id());
        EventFormat format = new EventFormat(session.credentials().huid());
        for (ChatEvent event : session.chats().historyBefore(chat.id(), chat.lastSeq() + 1, Math.max(1, Math.min(count, 200)))) {
            out.println(format.line(event));
        }
        return OK;
    }

    /**
     * The address (or HUID) of {@code user}: given as one, else found by e-mail address in this server's
     * address book or the partner servers' books.
     */
    private String address(StratumSession session, String user) {
        String huid = user.contains("@") ? user.substring(0, user.indexOf('@')) : user;
        try {
            UUID.fromString(huid);
            return user;
        } catch (IllegalArgumentException notAnId) {
            // an e-mail address: looked up below
        }
        Optional<UUID> hooked = addressBook.findByEmail(user.toLowerCase(Locale.ROOT));
        if (hooked.isPresent()) {
            return hooked.get().toString();
        }
        List<People.Entry> found = new ArrayList<>(session.people().search(user));
        found.addAll(session.people().searchPartners(user).entries());
        return found.stream().filter(entry -> user.equalsIgnoreCase(entry.email()) && entry.address() != null).map(People.Entry::address)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("cannot find " + user + " among the chat users in the address book "
                        + "or the partners' books; name the user by their address (HUID@server; they see it with `stratum-chat whoami`)"));
    }

    private static Chat resolve(StratumSession session, String reference) {
        List<Chat> chats = session.chats().list();
        List<Chat> matches = chats.stream().filter(chat -> chat.id().toString().equals(reference)).toList();
        if (matches.isEmpty()) {
            matches = chats.stream().filter(chat -> chat.id().toString().startsWith(reference.toLowerCase(Locale.ROOT))
                    || chat.name() != null && !chat.name().isEmpty() && chat.name().equalsIgnoreCase(reference)).toList();
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new IllegalArgumentException(matches.isEmpty() ? "no chat matches '" + reference + "'; see stratum-chat chats"
                : "'" + reference + "' matches " + matches.size() + " chats; give more of the id");
    }

    private StratumSession session(Path directory, String server) {
        Profile.StoredLogin stored = Profile.read(directory)
                .orElseThrow(() -> new IllegalStateException("not logged in; run: stratum-chat login"));
        if (server != null && !sameServer(server, stored.server())) {
            throw new IllegalStateException("logged in to " + stored.server() + ", not " + server + "; log in there first or use another --profile");
        }
        return StratumClient.of(URI.create(stored.server())).session(stored.credentials(), new Profile(directory, stored.server()));
    }

    static String title(Chat chat) {
        return title(chat, null);
    }

    static String title(Chat chat, UUID me) {
        if (chat.name() != null && !chat.name().isBlank()) {
            return chat.name();
        }
        return chat.members().stream().map(Chat.Member::huid).filter(huid -> !huid.equals(me)).findFirst()
                .map(other -> "with " + other.toString().substring(0, 8)).orElse("(" + chat.kind() + ")");
    }

    private Path defaultProfile() {
        String configured = environment.get("STRATUM_CHAT_PROFILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".stratum-chat");
    }

    private int usage(String problem) {
        err.println("stratum-chat: " + problem);
        err.println("Run stratum-chat --help for the commands.");
        return USAGE;
    }

    private static boolean sameServer(String a, String b) {
        return a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this computer";
        }
    }
}
