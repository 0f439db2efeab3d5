package io.stratum.admin.auth;

/** The kinds of console administrator (admin.md "Administrators, roles and rights"). */
public enum AdminRole {
    /** Everything except the DLP console. */
    ADMINISTRATOR,
    /** The sections granted to the account, each read-only or read-write. */
    LIMITED,
    /** The DLP console only. */
    SECURITY
}
