/**
 * The admin JSON API under {@code /api/v1/admin}, documented in OpenAPI ({@code /q/openapi}). Log in
 * with {@code POST /api/v1/admin/session}; the answer sets the session cookie and returns the CSRF
 * token that every state-changing call must send in {@code X-CSRF-Token}.
 */
package io.stratum.admin.api;
