/** Console administrators written by {@code stratum add-admin}, straight into the server's database. */
package io.stratum.deploy.admin;
