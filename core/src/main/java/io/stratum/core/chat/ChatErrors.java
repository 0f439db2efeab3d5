package io.stratum.core.chat;

import io.stratum.core.api.ApiException;

/** Errors of chat operations that several classes raise. */
final class ChatErrors {
    private ChatErrors() {
    }

    /** Unknown chat and chat the caller is not in look the same: a non-member learns nothing. */
    static ApiException noSuchChat() {
        return ApiException.notFound("no_such_chat", "there is no such chat, or you are not a member of it");
    }
}
