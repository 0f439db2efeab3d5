package io.stratum.core.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;

/**
 * {@link OutgoingMail} over the Vert.x SMTP client (non-blocking). A client is made per mail from
 * the settings in force, so a change in the console applies to the next mail; mail is rare enough
 * (PINs, test mails) that a connection per mail costs nothing that matters.
 */
@ApplicationScoped
public class SmtpMail implements OutgoingMail {
    private static final Logger LOGGER = Logger.getLogger(SmtpMail.class);

    private final Vertx vertx;
    private final MailSettingsStore store;

    public SmtpMail(Vertx vertx, MailSettingsStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    @Override
    public Uni<Void> send(String to, String subject, String text) {
        return store.current().chain(settings -> settings
                .map(configured -> send(configured, to, subject, text))
                .orElseGet(() -> Uni.createFrom().failure(new MailNotSent(
                        "no SMTP server is configured; an administrator sets one in the console's E-mail section"))));
    }

    @Override
    public Uni<Void> send(MailSettings settings, String to, String subject, String text) {
        MailClient client = MailClient.create(vertx, config(settings));
        MailMessage message = new MailMessage().setFrom(settings.from()).setTo(to).setSubject(subject).setText(text);
        return client.sendMail(message)
                .onFailure().transform(failure -> new MailNotSent(answer(settings, failure)))
                .invoke(result -> LOGGER.debugv("Mail sent: server={0}:{1,number,#} subject={2}", settings.host(), settings.port(), subject))
                .onFailure().invoke(failure -> LOGGER.warnv("Mail not sent: server={0}:{1,number,#} reason={2}", settings.host(),
                        settings.port(), failure.getMessage()))
                .eventually(client::close)
                .replaceWithVoid();
    }

    private static MailConfig config(MailSettings settings) {
        MailConfig config = new MailConfig().setHostname(settings.host()).setPort(settings.port())
                .setConnectTimeout(10_000).setKeepAlive(false).setMaxPoolSize(1);
        switch (settings.security()) {
            case NONE -> config.setStarttls(StartTLSOptions.DISABLED);
            case STARTTLS -> config.setStarttls(StartTLSOptions.REQUIRED);
            case SSL -> config.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
        }
        if (settings.user().isEmpty()) {
            config.setLogin(LoginOption.DISABLED);
        } else {
            config.setLogin(LoginOption.REQUIRED).setUsername(settings.user()).setPassword(settings.password().orElse(""));
        }
        return config;
    }

    /** What to tell the administrator: the server's own reply when there is one. */
    private static String answer(MailSettings settings, Throwable failure) {
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "SMTP server " + settings.host() + ":" + settings.port() + " did not accept the mail: " + detail;
    }
}
