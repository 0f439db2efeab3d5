/** Logging in (e-mail PIN), the device's tokens, and renewing them. */
package io.stratum.client.auth;
