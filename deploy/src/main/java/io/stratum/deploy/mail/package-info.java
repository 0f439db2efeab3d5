/**
 * The demo's mail catcher: a local SMTP server (GreenMail) that every demo server sends its mail
 * to, keeping each message as a file so {@code stratum demo mail} can show the PINs.
 */
package io.stratum.deploy.mail;
