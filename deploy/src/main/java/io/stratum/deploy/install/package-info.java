/**
 * One installation directory: its settings.yaml, the role server it runs, and the local
 * PostgreSQL and Kafka it starts when settings.yaml points at this machine.
 */
package io.stratum.deploy.install;
