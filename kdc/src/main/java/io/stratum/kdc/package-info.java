/**
 * Key storage (KDC): users' public keys, end-to-end encryption support and the DLP escrow key
 * (bouncycastle). Empty until the KDC issue lands.
 */
package io.stratum.kdc;
