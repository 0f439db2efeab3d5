/**
 * How chat users prove who they are: one-time codes (e-mail PIN, SMS code) with lifetimes, attempt
 * limits and rate limits; the access/refresh token pair a login issues for a device; and the HTTP
 * bearer mechanism that turns a token into the caller's identity.
 */
package io.stratum.core.auth;
