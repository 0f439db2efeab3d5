/**
 * The PostgreSQL server a local installation uses: the system cluster (Debian's
 * {@code pg_ctlcluster}) when installed, otherwise an embedded PostgreSQL from Maven Central kept
 * running in a small process of its own; and creating each server's role and database.
 */
package io.stratum.deploy.postgres;
