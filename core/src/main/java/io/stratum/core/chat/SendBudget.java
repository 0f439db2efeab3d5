package io.stratum.core.chat;

import java.util.UUID;

/**
 * The per-user limit on sends, shared by every way a user sends: the WebSocket's {@code send},
 * {@code edit} and {@code delete} frames and REST's {@code POST /api/v1/chats/{id}/messages}.
 * Implementations are safe from any thread, never block, and keep one budget per user on this
 * instance (see docs/protocol.md, "Limits").
 */
public interface SendBudget {
    /** Takes one send from the user's budget; false when it is used up (the caller answers 429 {@code rate_limited}). */
    boolean tryTake(UUID user);
}
