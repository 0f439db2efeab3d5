package io.stratum.admin.chats;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.admin.Await;
import io.stratum.admin.TableOrder;
import io.stratum.admin.auth.AdminPrincipal;
import io.stratum.core.api.ApiException;
import io.stratum.core.audit.AdminAction;
import io.stratum.core.audit.AdminAudit;
import io.stratum.core.chat.ChatAdministration;
import io.stratum.core.chat.ChatAdministration.ChatDetails;
import io.stratum.core.chat.ChatAdministration.ChatPage;

/** Chats for the console and the admin API; deletion audited. Blocking: call from a worker thread. */
@ApplicationScoped
public class ConsoleChats {
    private final ChatAdministration chats;
    private final AdminAudit audit;

    public ConsoleChats(ChatAdministration chats, AdminAudit audit) {
        this.chats = chats;
        this.audit = audit;
    }

    /** The chats table's default order: newest first. */
    public static final TableOrder<ChatAdministration.SortBy> NEWEST = new TableOrder<>(ChatAdministration.SortBy.CREATED, true);

    public ChatPage search(String query, TableOrder<ChatAdministration.SortBy> order, int offset, int limit) {
        return Await.of(chats.search(query, order.column(), order.descending(), offset, limit));
    }

    public ChatDetails details(String chatId) {
        return Await.of(chats.details(parse(chatId)));
    }

    public ChatDetails delete(AdminPrincipal admin, String chatId) {
        ChatDetails deleted = Await.of(chats.delete(parse(chatId)));
        Await.of(audit.record(AdminAction.now(admin.username(), admin.ip(), "chat.delete", chatId,
                Map.of("kind", deleted.chat().kind(), "name", deleted.chat().name(), "members", deleted.chat().members(),
                        "messages", deleted.chat().messages()), Map.of())));
        return deleted;
    }

    private static UUID parse(String chatId) {
        try {
            return UUID.fromString(chatId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound("chat_not_found", "no such chat on this server");
        }
    }
}
