package io.stratum.core.addressbook;

import java.util.List;

/** One page of search results; {@code total} counts every match, not only this page. */
public record AddressBookPage(List<AddressBookEntry> entries, int page, int size, long total) {
}
