/** This server's identity (id, role, host), its build version and the public server-information endpoint. */
package io.stratum.core.server;
