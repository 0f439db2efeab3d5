package io.stratum.client.terminal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.stratum.client.chat.ChatEvent;

/** One line per chat event, as the terminal shows it: {@code [#12 14:03] 9a1b2c3d: Hello}. */
final class EventFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final UUID me;

    EventFormat(UUID me) {
        this.me = me;
    }

    String line(ChatEvent event) {
        String prefix = "[#" + event.seq() + (event.ts() == null ? "" : " " + TIME.format(event.ts())) + "] " + who(event.author()) + ": ";
        return prefix + switch (event.kind()) {
            case ChatEvent.MESSAGE -> event.isDeleted() ? "(deleted)" : message(event);
            case ChatEvent.EDIT -> "(edited #" + event.targetSeq() + ") " + event.body();
            case ChatEvent.DELETE -> "(deleted #" + event.targetSeq() + ")";
            case "created" -> "(created the chat)";
            case "renamed" -> "(renamed the chat to \"" + event.meta().path("name").asText() + "\")";
            default -> "(" + event.kind().replace('_', ' ') + ")";
        };
    }

    /** The text, and the files as "[2 files: /save #12]". */
    private static String message(ChatEvent event) {
        int files = event.attachments().size();
        if (files == 0) {
            return event.body() == null ? "(no text)" : event.body();
        }
        String attached = "[" + files + (files == 1 ? " file" : " files") + ": /save #" + event.seq() + "]";
        return event.body() == null || event.body().isEmpty() ? attached : event.body() + " " + attached;
    }

    String who(UUID user) {
        if (user == null) {
            return "server";
        }
        return user.equals(me) ? "me" : user.toString().substring(0, 8);
    }
}
