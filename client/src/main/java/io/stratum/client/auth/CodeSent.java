package io.stratum.client.auth;

/** The server mailed a PIN: valid for {@code expiresInSeconds}; the next may be asked for after {@code resendAfterSeconds}. */
public record CodeSent(String email, long expiresInSeconds, long resendAfterSeconds) {
}
