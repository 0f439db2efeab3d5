/**
 * The administrator console served by every role at {@code admin_url} (default {@code /admin}).
 * Empty until the console issue lands.
 */
package io.stratum.admin;
