/**
 * Settings administrators change at run time (SMTP, registration mask, ...): stored in PostgreSQL,
 * versioned with who changed what and when, read fresh on use so a change applies without restart
 * on every instance. Install-time settings (settings.yaml) are {@code io.stratum.common.settings}.
 */
package io.stratum.core.runtime;
