package io.stratum.core.mail;

/** How the connection to the SMTP server is protected. */
public enum MailSecurity {
    /** Plain SMTP (port 25 inside a trusted network). */
    NONE,
    /** Plain connection upgraded with STARTTLS, required (port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, port 465). */
    SSL
}
