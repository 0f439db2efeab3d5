package io.stratum.core.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * The default {@link SmsSender}: a generic HTTP provider API. One {@code POST} to the provider URL
 * with {@code Authorization: Bearer <token>} (or HTTP Basic {@code login:token} when a login is set)
 * and the JSON body {@code {"to": "+7…", "from": "<sender>", "text": "…"}}; any 2xx answer means
 * accepted. Most SMS gateways offer such an API or sit behind a small adapter speaking it
 * (docs/sms.md). The settings are read for every message ({@link SmsProviderStore}), so a console
 * change applies to the next one.
 */
@ApplicationScoped
public class HttpSmsProvider implements SmsSender {
    private static final Logger LOGGER = Logger.getLogger(HttpSmsProvider.class);

    private final SmsConfig config;
    private final SmsProviderStore store;
    private final HttpClient http;

    public HttpSmsProvider(SmsConfig config, SmsProviderStore store) {
        this.config = config;
        this.store = store;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public Uni<Void> send(String phone, String text) {
        return store.current().chain(provider -> send(provider, phone, text));
    }

    private Uni<Void> send(SmsProvider provider, String phone, String text) {
        if (provider.url().isEmpty()) {
            return Uni.createFrom().failure(new SmsNotSent("no SMS provider is configured (console Registration page or sms_provider_url)"));
        }
        URI url = provider.url().get();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("to", phone).put("from", provider.sender())
                        .put("text", text).encode()));
        provider.token().ifPresent(token -> request.header("Authorization", provider.login()
                .map(login -> "Basic " + Base64.getEncoder().encodeToString((login + ":" + token).getBytes(StandardCharsets.UTF_8)))
                .orElse("Bearer " + token)));
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
