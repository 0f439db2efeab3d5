/**
 * Real services for tests, shared by every module: PostgreSQL (the machine's system cluster,
 * started if stopped, or an embedded one) with a fresh database per test class, and an in-JVM
 * Kafka broker in KRaft mode, an SMTP server (GreenMail) and an OpenLDAP server (slapd). As Quarkus
 * test resources and as plain helpers. {@link io.stratum.testsupport.Chromium} starts Debian's headless
 * Chromium for the browser tests (their module declares selenium-java, optional here).
 */
package io.stratum.testsupport;
