/** The Users section: chat users, their devices, block/unblock and ending sessions, audited. */
package io.stratum.admin.users;
