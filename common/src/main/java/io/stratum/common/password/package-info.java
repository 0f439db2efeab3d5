/**
 * Passwords of console administrators and metrics users: the password policy and the bcrypt hash
 * they are stored as. Shared by the servers and the {@code stratum add-admin} command.
 */
package io.stratum.common.password;
