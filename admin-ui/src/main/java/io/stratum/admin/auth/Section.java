package io.stratum.admin.auth;

/**
 * The console's sections, each a unit of rights. Only sections whose function exists are listed;
 * a feature adds its section here together with its page.
 */
public enum Section {
    SERVER(true),
    ADMINISTRATORS(false),
    AUDIT(true),
    MONITORING(true),
    LOGS(true),
    SETTINGS(true),
    EMAIL(true),
    REGISTRATION(true),
    /** Chat users: search, devices, block, end sessions. */
    USERS(true),
    /** Chats: search, members, routing kind, delete (never message bodies). */
    CHATS(true),
    /** The corporate address book and its corporate search switch. */
    ADDRESS_BOOK(true),
    /** The directory (AD/LDAP) integration: settings and syncs. */
    DIRECTORY(true),
    /** Trusts with other servers (partner CTS, upstream ETS/RTS, servers below). */
    TRUSTS(true),
    /** Posting to the server's global chat (every user reads it). */
    GLOBAL_CHAT(true),
    /** The DLP console of the security administrator (kdc-dlp.md); it has no page yet. */
    DLP(false);

    private final boolean grantable;

    Section(boolean grantable) {
        this.grantable = grantable;
    }

    /** Whether a limited administrator may be granted this section (administrators and DLP never). */
    public boolean grantable() {
        return grantable;
    }
}
