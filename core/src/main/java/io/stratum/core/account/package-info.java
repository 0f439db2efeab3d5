/**
 * Chat users (HUID, address {@code HUID@server-id}, profile, status), their devices and the
 * sessions (token pairs) each device holds, and the registration policy (e-mail mask).
 */
package io.stratum.core.account;
