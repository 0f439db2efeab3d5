package io.stratum.core.chat;

/** The kinds of chat events. Names are the wire values of {@code kind}. */
public final class EventKind {
    public static final String MESSAGE = "message";
    public static final String EDIT = "edit";
    public static final String DELETE = "delete";
    public static final String CREATED = "created";
    public static final String MEMBERS_ADDED = "members_added";
    public static final String MEMBER_REMOVED = "member_removed";
    public static final String MEMBER_LEFT = "member_left";
    public static final String RENAMED = "renamed";
    public static final String AVATAR_CHANGED = "avatar_changed";
    public static final String ADMIN_CHANGED = "admin_changed";

    private EventKind() {
    }
}
