/**
 * The Settings, E-mail and Registration sections, over the runtime settings store of
 * {@code io.stratum.core.runtime} and the mail settings of {@code io.stratum.core.mail}: every save is
 * versioned there and audited here (secrets masked).
 */
package io.stratum.admin.settings;
