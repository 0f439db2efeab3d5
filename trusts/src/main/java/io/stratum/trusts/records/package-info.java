/** Trust records: which remote servers this server trusts, with their tokens (sealed or hashed) and console bookkeeping. */
package io.stratum.trusts.records;
