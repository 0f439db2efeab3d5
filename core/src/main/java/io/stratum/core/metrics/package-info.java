/**
 * Monitoring: who may read the Prometheus endpoint ({@code prometheus_users}) and the metrics that
 * describe the build itself.
 */
package io.stratum.core.metrics;
