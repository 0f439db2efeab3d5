/** The Administrators section: create limited and security administrators, change rights, reset, delete. */
package io.stratum.admin.administrators;
