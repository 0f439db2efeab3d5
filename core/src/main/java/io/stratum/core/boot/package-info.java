/**
 * Starting a role: the checks that run before Quarkus boots (settings.yaml valid, database
 * reachable, schema not newer than this build) so that an administrator gets one clear line
 * instead of a stack trace.
 */
package io.stratum.core.boot;
