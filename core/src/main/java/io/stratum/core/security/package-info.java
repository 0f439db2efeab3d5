/** The server's own secrets from settings.yaml, for the modules that sign, seal or authenticate with them. */
package io.stratum.core.security;
