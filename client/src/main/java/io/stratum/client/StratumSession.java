package io.stratum.client;

import io.stratum.client.auth.CredentialStore;
import io.stratum.client.auth.Credentials;
import io.stratum.client.auth.DeviceTokens;
import io.stratum.client.chat.Chats;
import io.stratum.client.contacts.Presence;
import io.stratum.client.files.ChatFiles;
import io.stratum.client.http.RestCalls;
import io.stratum.client.live.Cursors;
import io.stratum.client.live.LiveListener;
import io.stratum.client.live.LiveOptions;
import io.stratum.client.live.LiveSession;

/**
 * What a logged-in device does: REST calls ({@link #chats()}, {@link #files()}, {@link #people()}, {@link #presence()}, {@link #me()})
 * and the live connection ({@link #live}). Access tokens are renewed on {@code token_invalid}
 * transparently. Thread-safe.
 */
public final class StratumSession {
    private final RestCalls rest;
    private final DeviceTokens tokens;

    StratumSession(RestCalls rest, Credentials credentials, CredentialStore store) {
        this.rest = rest;
        this.tokens = new DeviceTokens(rest, credentials, store);
    }

    /** The credentials in force (after any renewal). */
    public Credentials credentials() {
        return tokens.current();
    }

    public Me me() {
        return Me.fromJson(tokens.call("GET", "/api/v1/me", null));
    }

    public Chats chats() {
        return new Chats(tokens);
    }

    /** Profiles and address books, of this server and of partners. */
    public io.stratum.client.contacts.People people() {
        return new io.stratum.client.contacts.People(tokens);
    }

    /** Files of the caller's chats: streamed upload and download. */
    public ChatFiles files() {
        return new ChatFiles(rest, tokens);
    }

    public Presence presence() {
        return new Presence(tokens);
    }

    /** Renews the tokens now (they are renewed by themselves when they expire). */
    public Credentials refreshTokens() {
        return tokens.renew(tokens.current().accessToken());
    }

    /** Ends this device's session on the server: its tokens stop working and its WebSockets are closed. */
    public void logOut() {
        tokens.call("POST", "/api/v1/auth/logout", null);
    }

    /** A live session (not yet started) that resumes from {@code cursors} and tells {@code listener} what happens. */
    public LiveSession live(Cursors cursors, LiveListener listener) {
        return live(cursors, listener, LiveOptions.defaults());
    }

    public LiveSession live(Cursors cursors, LiveListener listener, LiveOptions options) {
        return new LiveSession(rest.http(), rest.server(), tokens, cursors, listener, options);
    }
}
