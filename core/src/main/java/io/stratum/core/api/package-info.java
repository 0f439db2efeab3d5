/**
 * What every client-facing API shares: the error shape ({@code {"error": {"code", "message"}}} over
 * REST, an {@code error} frame over the WebSocket) and the one exception type that carries it.
 */
package io.stratum.core.api;
