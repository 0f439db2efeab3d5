package io.stratum.core.addressbook;

import io.stratum.core.runtime.RuntimeSetting;

/**
 * The "Corporate search" setting (the reference product's name). On: any chat user searches the
 * whole address book by any field. Off: a search finds an entry only by its exact e-mail address,
 * so users can reach a colleague whose address they know but cannot browse the company.
 */
public record AddressBookSettings(boolean corporateSearch) {
    public static final RuntimeSetting<AddressBookSettings> SETTING =
            new RuntimeSetting<>("address_book", AddressBookSettings.class, new AddressBookSettings(true));
}
