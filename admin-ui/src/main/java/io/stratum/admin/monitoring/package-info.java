/** The Monitoring section: key metrics at a glance, read from this server's Micrometer registry. */
package io.stratum.admin.monitoring;
