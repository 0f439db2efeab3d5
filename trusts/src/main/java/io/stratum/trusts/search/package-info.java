/**
 * Trust search: this server's users search the address books of partner servers whose trust allows
 * it ({@link io.stratum.trusts.search.TrustSearchResource}), and partners search ours under the same
 * rule ({@link io.stratum.trusts.search.TrustSearchAnswers}).
 */
package io.stratum.trusts.search;
