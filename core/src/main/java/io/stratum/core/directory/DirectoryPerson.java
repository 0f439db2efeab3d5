package io.stratum.core.directory;

import java.util.List;

import io.stratum.core.addressbook.EntryDraft;

/** One person as the directory describes them; {@code id} is the stable directory id, {@code dn} where the entry is now. */
public record DirectoryPerson(String id, String dn, String login, String email, String name, String position, String department,
        String company, List<String> phones, boolean disabled) {

    /** The address book fields of this person (the login stands in for a missing name). */
    public EntryDraft entry() {
        return new EntryDraft(name == null || name.isBlank() ? login : name, position, department, company, email, phones, null);
    }
}
