/** Chats over REST: list, create, members, history pages; and the chat log's {@link io.stratum.client.chat.ChatEvent}. */
package io.stratum.client.chat;
