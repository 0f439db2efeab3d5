/**
 * The audit log (admin.md "Audit"): connection events ({@link io.stratum.core.audit.ConnectionAudit})
 * and administrator actions ({@link io.stratum.core.audit.AdminAudit}) stored append-only in
 * PostgreSQL with a SHA-256 hash chain ({@link io.stratum.core.audit.AuditChain}), published to
 * Kafka ({@code <server id>.system-events} and {@code <server id>.admin-events}) and, when
 * configured, forwarded to syslog (RFC 5424).
 */
package io.stratum.core.audit;
