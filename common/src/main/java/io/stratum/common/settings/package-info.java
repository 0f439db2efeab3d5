/**
 * The install-time settings of a Stratum server: the {@code settings.yaml} catalogue
 * ({@link io.stratum.common.settings.SettingKey}), its strict reader and the single place where
 * settings are translated to the properties the servers read through typed configuration
 * mappings ({@link io.stratum.common.settings.Settings#toProperties()}).
 *
 * <p>Plain Java on purpose: the servers and the {@code stratum} command read the same file the
 * same way.
 */
package io.stratum.common.settings;
