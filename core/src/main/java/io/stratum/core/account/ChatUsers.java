package io.stratum.core.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.server.ServerConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads and creates chat users. */
@ApplicationScoped
public class ChatUsers {
    private static final String COLUMNS = "huid, email, phone, name, company, department, position, status";

    private final Pool database;
    private final String serverId;

    public ChatUsers(Pool database, ServerConfig server) {
        this.database = database;
        this.serverId = server.id();
    }

    public Uni<Optional<ChatUser>> byEmail(String email) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM chat_user WHERE email = $1").execute(Tuple.of(email))
                .map(this::first);
    }

    public Uni<Optional<ChatUser>> byPhone(String phone) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM chat_user WHERE phone = $1").execute(Tuple.of(phone))
                .map(this::first);
    }

    public Uni<Optional<ChatUser>> byHuid(UUID huid) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM chat_user WHERE huid = $1").execute(Tuple.of(huid))
                .map(this::first);
    }

    /** Creates a user registered by e-mail, or returns the one that a concurrent login created. */
    public Uni<ChatUser> createByEmail(String email) {
        String name = email.substring(0, email.indexOf('@'));
        return database.preparedQuery("INSERT INTO chat_user (huid, email, name, source) VALUES ($1, $2, $3, 'email') "
                        + "ON CONFLICT (email) DO NOTHING")
                .execute(Tuple.of(UUID.randomUUID(), email, name))
                .chain(() -> byEmail(email)).map(Optional::orElseThrow);
    }

    /** Creates a user registered by phone number (E.164), or returns the one that a concurrent login created. */
    public Uni<ChatUser> createByPhone(String phone) {
        return database.preparedQuery("INSERT INTO chat_user (huid, phone, name, source) VALUES ($1, $2, $3, 'phone') "
                        + "ON CONFLICT (phone) DO NOTHING")
                .execute(Tuple.of(UUID.randomUUID(), phone, phone))
                .chain(() -> byPhone(phone)).map(Optional::orElseThrow);
    }

    /** The address of a user of this server. */
    public String address(UUID huid) {
        return huid + "@" + serverId;
    }

    private Optional<ChatUser> first(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        UUID huid = row.getUUID(0);
        return Optional.of(new ChatUser(huid, address(huid), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7)));
    }
}
