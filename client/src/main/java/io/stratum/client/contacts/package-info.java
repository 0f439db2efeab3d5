/**
 * People: presence of contacts ({@link io.stratum.client.contacts.Presence}) and the
 * {@link io.stratum.client.contacts.AddressBook} extension point for finding users.
 */
package io.stratum.client.contacts;
