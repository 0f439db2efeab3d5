package io.stratum.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import io.stratum.client.auth.CredentialStore;
import io.stratum.client.auth.Credentials;
import io.stratum.client.auth.DirectoryLogin;
import io.stratum.client.auth.EmailLogin;
import io.stratum.client.auth.PhoneLogin;
import io.stratum.client.http.RestCalls;

/**
 * The entry point: one server, reached at its base URL ({@code http://localhost:8182},
 * {@code https://cts.corp.example}).
 *
 * <pre>{@code
 * StratumClient client = StratumClient.of(URI.create("http://localhost:8182"));
 * client.emailLogin().requestCode("alice@cts-a.demo");
 * Credentials login = client.emailLogin().confirm("alice@cts-a.demo", pin, DeviceInfo.desktop("1.0", "laptop"));
 * StratumSession session = client.session(login, CredentialStore.IN_MEMORY);
 * }</pre>
 *
 * {@link #phoneLogin()} (RTS) and {@link #directoryLogin()} (CTS with a directory) give the same
 * {@link Credentials}.
 *
 * Thread-safe; holds one {@link HttpClient} shared by everything made from it.
 */
public final class StratumClient {
    private final RestCalls rest;

    private StratumClient(RestCalls rest) {
        this.rest = rest;
    }

    public static StratumClient of(URI server) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new StratumClient(new RestCalls(server, http, Duration.ofSeconds(30)));
    }

    public URI server() {
        return rest.server();
    }

    /** Login by e-mail PIN (ETS, CTS; RTS next to the phone login). */
    public EmailLogin emailLogin() {
        return new EmailLogin(rest);
    }

    /** Login by phone number and SMS code (RTS). */
    public PhoneLogin phoneLogin() {
        return new PhoneLogin(rest);
    }

    /** Login with directory (AD/LDAP) credentials (CTS with the directory integration on). */
    public DirectoryLogin directoryLogin() {
        return new DirectoryLogin(rest);
    }

    /** A session for a logged-in device; renewed tokens are handed to {@code store}. */
    public StratumSession session(Credentials credentials, CredentialStore store) {
        return new StratumSession(rest, credentials, store);
    }
}
