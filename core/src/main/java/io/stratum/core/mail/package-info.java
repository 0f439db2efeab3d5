/**
 * Outgoing e-mail (one-time PINs, test mails, notifications) over the SMTP server the administrator
 * configures in the console's E-mail section. The settings are a runtime setting; the password is
 * stored sealed under secret_key_base and never returned to a page or a log.
 */
package io.stratum.core.mail;
