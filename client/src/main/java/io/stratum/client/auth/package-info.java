/** Logging in (e-mail PIN, phone SMS code, directory password), the device's tokens, and renewing them. */
package io.stratum.client.auth;
