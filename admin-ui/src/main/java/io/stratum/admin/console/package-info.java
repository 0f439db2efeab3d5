/**
 * The console's pages: server-rendered Qute templates ({@code templates/console/}) enhanced by htmx
 * (boosted links and forms, confirmations), in English and Russian ({@link io.stratum.admin.console.ConsoleMessages}).
 * Each page resource checks rights through the same annotations as the API.
 */
package io.stratum.admin.console;
