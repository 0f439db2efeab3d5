package io.stratum.admin.auth;

/** What a right allows within a section. WRITE includes READ. */
public enum Access {
    READ, WRITE;

    public boolean includes(Access other) {
        return this == WRITE || other == READ;
    }
}
