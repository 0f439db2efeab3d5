package io.stratum.core.addressbook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One person in the address book. {@code huid} is set when the person is a chat user of this
 * server; {@code directoryId} when the entry came from the directory (then a sync overwrites it).
 */
public record AddressBookEntry(UUID id, String name, String position, String department, String company, String email,
        List<String> phones, String avatarFileId, EntrySource source, String directoryId, UUID huid, OffsetDateTime updatedAt) {
}
