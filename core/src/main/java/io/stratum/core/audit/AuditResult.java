package io.stratum.core.audit;

/** Whether the audited attempt succeeded. */
public enum AuditResult {
    SUCCESS, FAILURE
}
