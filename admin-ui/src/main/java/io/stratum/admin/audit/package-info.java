/** The Audit section: filter and page the audit log, verify its hash chain (the verification is audited too). */
package io.stratum.admin.audit;
