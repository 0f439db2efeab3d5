package io.stratum.core.files;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/chats/{chat}/files?name=...}: the raw request body is a file for the chat,
 * its {@code Content-Type} the file's type. Only members of the chat may upload; the
 * {@code chat_file} row is written once the store holds every byte ({@link UploadPipeline}).
 */
@ApplicationScoped
public class FileUpload {
    private static final Logger LOGGER = Logger.getLogger(FileUpload.class);

    private final FilesConfig config;
    private final FileRecords records;
    private final UploadPipeline pipeline;

    public FileUpload(FilesConfig config, FileRecords records, UploadPipeline pipeline) {
        this.config = config;
        this.records = records;
        this.pipeline = pipeline;
    }

    void handle(RoutingContext routing) {
        pipeline.run(routing, this::target, 201);
    }

    private UploadPipeline.Target target(RoutingContext routing) {
        UUID chat = FileRoutes.id(routing.pathParam("chat"), FileErrors.noSuchChat());
        String name = name(routing.request().getParam("name"));
        UUID fileId = UUID.randomUUID();
        return new UploadPipeline.Target() {
            @Override
            public long limit() {
                return config.maxSize();
            }

            @Override
            public Uni<Void> authorize(Caller caller) {
                return records.isMember(chat, caller.huid()).map(member -> {
                    if (!member) {
                        throw FileErrors.noSuchChat();
                    }
                    return null;
                });
            }

            @Override
            public String key(Caller caller) {
                return chat + "/" + fileId;
            }

            @Override
            public Uni<JsonObject> commit(Caller caller, UploadPipeline.Stored stored) {
                FileRecord file = new FileRecord(fileId, chat, caller.huid(), name, stored.contentType(), stored.size(), stored.sha256(),
                        stored.key(), stored.at());
                return records.insert(file).map(v -> {
                    LOGGER.infov("File stored: file={0} chat={1} size={2}", file.id(), file.chatId(), file.size());
                    return file.toJson();
                });
            }

            @Override
            public String location(JsonObject answer) {
                return "/api/v1/files/" + fileId;
            }
        };
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        if (name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
            throw FileErrors.invalid("name", "name is the file's name: 1 to 255 characters, without / \\ or control characters");
        }
        return name.strip().isEmpty() ? "file" : name.strip();
    }
}
