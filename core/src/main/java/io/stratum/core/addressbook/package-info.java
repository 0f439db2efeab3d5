/**
 * The corporate address book: entries (name, position, department, company, e-mail, phones,
 * avatar) filled from the directory or written by administrators, linked to a chat user when the
 * person is one, searched by clients through {@link io.stratum.core.addressbook.AddressBookResource}
 * under the "corporate search" setting ({@link io.stratum.core.addressbook.AddressBookSettings}).
 */
package io.stratum.core.addressbook;
