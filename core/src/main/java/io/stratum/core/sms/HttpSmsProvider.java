package io.stratum.core.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * The default {@link SmsSender}: a generic HTTP provider API. One {@code POST} to {@code stratum.sms.url}
 * with {@code Authorization: Bearer <token>} and the JSON body {@code {"to": "+7…", "from": "<sender>",
 * "text": "…"}}; any 2xx answer means accepted. Most SMS gateways offer such an API or sit behind a small
 * adapter speaking it (docs/sms.md).
 */
@ApplicationScoped
public class HttpSmsProvider implements SmsSender {
    private static final Logger LOGGER = Logger.getLogger(HttpSmsProvider.class);

    private final SmsConfig config;
    private final HttpClient http;

    public HttpSmsProvider(SmsConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public boolean configured() {
        return config.url().isPresent();
    }

    @Override
    public Uni<Void> send(String phone, String text) {
        if (config.url().isEmpty()) {
            return Uni.createFrom().failure(new SmsNotSent("no SMS provider is configured (sms_provider_url)"));
        }
        URI url = config.url().get();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("to", phone).put("from", config.sender())
                        .put("text", text).encode()));
        config.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()))
                .onFailure().transform(failure -> {
                    LOGGER.warnv("SMS provider {0} unreachable: {1}", url.getHost(), failure.getClass().getSimpleName());
                    return new SmsNotSent("the SMS provider did not answer");
                })
                .invoke(response -> {
                    if (response.statusCode() / 100 != 2) {
                        LOGGER.warnv("SMS provider {0} refused a message: HTTP {1}", url.getHost(), response.statusCode());
                        throw new SmsNotSent("the SMS provider refused the message (HTTP " + response.statusCode() + ")");
                    }
                })
                .replaceWithVoid();
    }
}
