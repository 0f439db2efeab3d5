package io.stratum.core.addressbook;

import java.util.Locale;

/** Where an address book entry comes from: the directory sync, or an administrator. */
public enum EntrySource {
    DIRECTORY, MANUAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EntrySource fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
