package io.stratum.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real OpenLDAP server (Debian's {@code slapd}) of the tests' own: a temporary configuration
 * directory, an mdb database for {@value #BASE_DN}, a free port on 127.0.0.1; never the
 * machine's slapd service. When {@code slapd} or {@code ldap-utils} is missing they are installed
 * with apt-get (as root, as CI and the developer machines run). Entries are written with the
 * ldap-utils commands as the directory manager. One server per JVM, stopped when the JVM exits.
 */
public final class TestLdap {
    public static final String BASE_DN = "dc=corp,dc=test";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String MANAGER_DN = "cn=manager," + BASE_DN;
    public static final String MANAGER_PASSWORD = "manager-secret-42";
    static final Path SLAPD = Path.of("/usr/sbin/slapd");
    static final Path LDAPADD = Path.of("/usr/bin/ldapadd");

    private static TestLdap shared;

    private final Path home;
    private final int port;
    private Process process;

    private TestLdap(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** The JVM's server, installed and started on first use, with the base entry and {@value #PEOPLE_DN}. */
    public static synchronized TestLdap shared() {
        if (shared == null) {
            install();
            try {
                Path home = Files.createTempDirectory("stratum-slapd");
                Files.createDirectories(home.resolve("data"));
                TestLdap server = new TestLdap(home, freePort());
                server.writeConfig();
                server.start();
                server.add("""
                        dn: %s
                        objectClass: dcObject
                        objectClass: organization
                        o: Corp
                        dc: corp

                        dn: %s
                        objectClass: organizationalUnit
                        ou: people
                        """.formatted(BASE_DN, PEOPLE_DN));
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
                shared = server;
            } catch (IOException e) {
                throw new IllegalStateException("could not prepare slapd", e);
            }
        }
        return shared;
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The server's directory settings (body of {@code PUT /api/v1/admin/directory/settings}) for this
     * slapd: OpenLDAP attributes, {@code employeeType=disabled} marks a disabled person, no schedule.
     */
    public Map<String, Object> directorySettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("enabled", true);
        settings.put("url", url());
        settings.put("bindDn", MANAGER_DN);
        settings.put("bindPassword", MANAGER_PASSWORD);
        settings.put("baseDn", PEOPLE_DN);
        settings.put("userFilter", "(objectClass=inetOrgPerson)");
        settings.put("attributes", Map.of("id", "entryUUID", "login", "uid", "email", "mail", "name", "cn", "position", "title",
                "department", "ou", "company", "o", "phones", List.of("telephoneNumber", "mobile")));
        settings.put("disabledAttribute", "employeeType");
        settings.put("disabledValue", "disabled");
        settings.put("syncIntervalMinutes", 0);
        return settings;
    }

    /** The DN of a person under {@value #PEOPLE_DN}. */
    public static String personDn(String uid) {
        return "uid=" + uid + "," + PEOPLE_DN;
    }

    /** Adds entries (LDIF). */
    public void add(String ldif) {
        run(List.of("ldapadd", "-x", "-H", url(), "-D", MANAGER_DN, "-w", MANAGER_PASSWORD), ldif);
    }

    /** Applies changes (LDIF with changetype). */
    public void modify(String ldif) {
        run(List.of("ldapmodify", "-x", "-H", url(), "-D", MANAGER_DN, "-w", MANAGER_PASSWORD), ldif);
    }

    /** Replaces one attribute of an entry. */
    public void replace(String dn, String attribute, String value) {
        modify("dn: " + dn + "\nchangetype: modify\nreplace: " + attribute + "\n" + attribute + ": " + value + "\n");
    }

    /** Deletes an entry. */
    public void delete(String dn) {
        run(List.of("ldapdelete", "-x", "-H", url(), "-D", MANAGER_DN, "-w", MANAGER_PASSWORD, dn), "");
    }

    /** Starts slapd (again) on the same port and data; returns once it accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(SLAPD.toString(), "-f", home.resolve("slapd.conf").toString(), "-h", url() + "/", "-d", "0")
                    .redirectErrorStream(true).redirectOutput(home.resolve("slapd.log").toFile()).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("could not start slapd", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited at start: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                pause();
            }
        }
        throw new IllegalStateException("slapd did not accept connections within 30 s: " + log());
    }

    /** Stops slapd (the directory is down until {@link #start()}); returns once the process has exited. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeConfig() throws IOException {
        Files.writeString(home.resolve("slapd.conf"), """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                include /etc/ldap/schema/nis.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                pidfile %1$s/slapd.pid
                argsfile %1$s/slapd.args
                database mdb
                suffix "%2$s"
                rootdn "%3$s"
                rootpw %4$s
                directory %1$s/data
                maxsize 104857600
                access to attrs=userPassword by anonymous auth by self write by * none
                access to * by users read by * none
                """.formatted(home, BASE_DN, MANAGER_DN, MANAGER_PASSWORD));
    }

    private String log() {
        try {
            return Files.readString(home.resolve("slapd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void run(List<String> command, String input) {
        try {
            Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
            tool.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            tool.getOutputStream().close();
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tool.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** apt-get install slapd ldap-utils, with one apt-get update first if the package lists are stale. */
    static synchronized void install() {
        if (Files.isExecutable(SLAPD) && Files.isExecutable(LDAPADD)) {
            return;
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "slapd", "ldap-utils"));
        if (!apt(install)) {
            apt(List.of("apt-get", "update", "-q"));
            apt(install);
        }
        if (!Files.isExecutable(SLAPD) || !Files.isExecutable(LDAPADD)) {
            throw new IllegalStateException("slapd and ldap-utils are needed for the directory tests and could not be installed "
                    + "(see target/apt-get-ldap.log); install them: apt-get install slapd ldap-utils");
        }
    }

    private static boolean apt(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/apt-get-ldap.log")));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
