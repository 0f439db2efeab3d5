package io.stratum.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonObject;

/**
 * A stand-in for an SMS operator (this machine cannot reach one) speaking the generic HTTP provider
 * API Stratum's HttpSmsProvider uses: {@code POST /sms} with a bearer token and a JSON body
 * {@code {to, from, text}}. It keeps every accepted message; {@link #failWith} makes it answer an
 * error status like a real operator would.
 */
public final class TestSmsProvider {
    public static final String TOKEN = "test-sms-token-0123456789";
    /** The login and password of the second account, {@link #consoleUrl()}, which an administrator sets in the console. */
    public static final String CONSOLE_LOGIN = "stratum-rts";
    public static final String CONSOLE_PASSWORD = "console-sms-password-9876543210";
    private static final String CONSOLE_PATH = "/sms-console";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private static HttpServer server;
    private static final List<JsonObject> MESSAGES = new CopyOnWriteArrayList<>();
    private static volatile int failStatus;

    private TestSmsProvider() {
    }

    /** The provider's URL, starting it on a free port on first use. */
    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            account(server, "/sms", "Bearer " + TOKEN);
            account(server, CONSOLE_PATH, "Basic " + Base64.getEncoder().encodeToString(
                    (CONSOLE_LOGIN + ":" + CONSOLE_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /**
     * A second provider account at another URL of the same stand-in, speaking the same API but
     * accepting HTTP Basic {@link #CONSOLE_LOGIN}:{@link #CONSOLE_PASSWORD}; messages it accepts carry
     * {@code "_account": "console"}.
     */
    public static String consoleUrl() {
        return url().replace("/sms", CONSOLE_PATH);
    }

    /** Messages to one number accepted by the {@link #consoleUrl()} account, oldest first. */
    public static List<JsonObject> consoleMessagesTo(String phone) {
        return messagesTo(phone).stream().filter(message -> "console".equals(message.getString("_account"))).toList();
    }

    private static void account(HttpServer server, String path, String authorization) {
        server.createContext(path, exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                int status = failStatus;
                if (status == 0 && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    status = 401;
                }
                if (status == 0) {
                    JsonObject message = new JsonObject(text);
                    if (path.equals(CONSOLE_PATH)) {
                        message.put("_account", "console");
                    }
                    MESSAGES.add(message);
                    status = 202;
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
    }

    /** Answers every later request with {@code status} (0: accept again). */
    public static void failWith(int status) {
        failStatus = status;
    }

    /** Messages accepted for one number, oldest first. */
    public static List<JsonObject> messagesTo(String phone) {
        return MESSAGES.stream().filter(message -> phone.equals(message.getString("to"))).toList();
    }

    /** Waits for the {@code nth} (1-based) message to the number and returns the six-digit code in it. */
    public static String awaitCode(String phone, int nth, Duration timeout) {
        TestPolling.await("SMS number " + nth + " to the test number", timeout, () -> messagesTo(phone).size() >= nth);
        Matcher code = CODE.matcher(messagesTo(phone).get(nth - 1).getString("text"));
        if (!code.find()) {
            throw new AssertionError("no six-digit code in the SMS");
        }
        return code.group(1);
    }
}
