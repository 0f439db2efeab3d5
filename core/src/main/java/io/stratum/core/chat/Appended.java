package io.stratum.core.chat;

/** The committed event for an {@link Append}; {@code duplicate} when the client id had been used already. */
public record Appended(ChatEvent event, boolean duplicate) {
}
