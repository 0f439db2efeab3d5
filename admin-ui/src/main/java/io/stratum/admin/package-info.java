/**
 * The administrator console served by every role at {@code admin_url} (default {@code /admin}) and
 * the admin API under {@code /api/v1/admin}. Sub-packages: {@code auth} (login, sessions, rights),
 * {@code api} (JSON API), {@code console} (Qute pages), {@code server}, {@code monitoring},
 * {@code logs} (the sections' functions), {@code web} (security headers, locale, paths).
 */
package io.stratum.admin;
