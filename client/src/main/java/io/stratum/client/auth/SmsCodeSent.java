package io.stratum.client.auth;

/**
 * The server texted a code to {@code phone} (in the international form it normalized the number
 * to): valid for {@code expiresInSeconds}; the next may be asked for after {@code resendAfterSeconds}.
 */
public record SmsCodeSent(String phone, long expiresInSeconds, long resendAfterSeconds) {
}
