/**
 * The directory integration (CTS; the reference product's ad_integration and ad_phonebook): the
 * connection settings to Active Directory or OpenLDAP, login with directory credentials (a search
 * with the service account, then a bind as the person), and the sync that copies the directory's
 * people into chat users and the address book and disables those the directory removed or disabled.
 * LDAP calls block; they run on worker threads, never on an event loop.
 */
package io.stratum.core.directory;
