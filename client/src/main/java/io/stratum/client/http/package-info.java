/** REST calls to a Stratum server: JSON in and out, the protocol's error shape as {@link io.stratum.client.http.StratumException}. */
package io.stratum.client.http;
