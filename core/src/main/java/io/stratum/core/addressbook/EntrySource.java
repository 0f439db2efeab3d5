package io.stratum.core.addressbook;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an address book entry comes from: the directory sync, or an administrator. */
public enum EntrySource {
    DIRECTORY, MANUAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EntrySource fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
