package io.stratum.admin.globalchat;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.api.ApiException;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.chat.GlobalChat;

/**
 * An administrator's post to the server's global chat, audited (who, when, how long — the text
 * itself stays out of the audit log like every message body). Blocking: call from a worker thread.
 */
@ApplicationScoped
public class GlobalChatPosts {
    private final GlobalChat chat;
    private final AdminAudit audit;

    public GlobalChatPosts(GlobalChat chat, AdminAudit audit) {
        this.chat = chat;
        this.audit = audit;
    }

    /** Posts {@code text}; an empty or oversized text is an {@link InvalidInput} on field {@code text}. */
    public GlobalChat.Posted post(AdminPrincipal admin, String text) {
        GlobalChat.Posted posted;
        try {
            posted = Await.of(chat.post(text, "admin-" + UUID.randomUUID()));
        } catch (ApiException e) {
            throw InvalidInput.of("text", e.getMessage());
        }
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "global_chat.post", posted.chatId().toString(), Map.of(),
                Map.of("seq", posted.seq(), "members", posted.members(), "characters", text.strip().length()))));
        return posted;
    }
}
