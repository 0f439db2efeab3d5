/** The Directory section: the AD/LDAP connection settings, a sync on request and the last sync's status. */
package io.stratum.admin.directory;
