/**
 * Console administrators: accounts separate from chat users. The first one is created with
 * {@code stratum add-admin}; the console issue adds the rest of their life cycle.
 */
package io.stratum.core.admin;
