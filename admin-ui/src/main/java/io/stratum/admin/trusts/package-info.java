/** The Trusts section: trust records edited by administrators, audited. */
package io.stratum.admin.trusts;
