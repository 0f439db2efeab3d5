/**
 * HTTP concerns of the console and the admin API: the configurable console path, security headers
 * (CSP and friends), the session and language cookies, the client's address and language.
 */
package io.stratum.admin.web;
