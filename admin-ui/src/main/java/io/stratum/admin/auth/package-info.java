/**
 * Administrator authentication and rights: login with bcrypt passwords and an optional TOTP second
 * factor, throttling and lockout, sessions stored in PostgreSQL (shared by every instance), the
 * rights model ({@link io.stratum.admin.auth.Rights}) and the filter that checks it on every admin
 * request ({@link io.stratum.admin.auth.AccessFilter}).
 */
package io.stratum.admin.auth;
