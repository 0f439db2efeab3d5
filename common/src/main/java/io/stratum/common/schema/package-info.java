/**
 * The database schema: versioned migrations under {@code db/migration} (applied by Flyway at
 * start) and the newest version this build knows, used to refuse a binary older than its database.
 */
package io.stratum.common.schema;
