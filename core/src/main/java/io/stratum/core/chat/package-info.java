/**
 * Chats and their event logs. Every visible change of a chat is a {@link io.stratum.core.chat.ChatEvent}
 * with the chat's next gap-free sequence number, committed to PostgreSQL together with an outbox row,
 * then published to Kafka for live delivery; clients resume from the log by sequence number.
 */
package io.stratum.core.chat;
