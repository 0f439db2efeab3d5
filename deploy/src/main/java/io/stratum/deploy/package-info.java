/**
 * The {@code stratum} command (the reference product's {@code dpl}): one picocli subcommand per
 * operation on an installation directory, and the local demo federation.
 */
package io.stratum.deploy;
