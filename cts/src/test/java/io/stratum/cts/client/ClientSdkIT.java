package io.stratum.cts.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.stratum.client.StratumClient;
import io.stratum.client.StratumSession;
import io.stratum.client.auth.CredentialStore;
import io.stratum.client.auth.Credentials;
import io.stratum.client.auth.DeviceInfo;
import io.stratum.client.chat.Chat;
import io.stratum.client.chat.ChatEvent;
import io.stratum.client.contacts.People;
import io.stratum.client.http.StratumException;
import io.stratum.client.live.Ack;
import io.stratum.client.live.Cursors;
import io.stratum.client.live.LiveOptions;
import io.stratum.client.live.LiveSession;
import io.stratum.core.addressbook.AddressBook;
import io.stratum.core.addressbook.AddressBookSettings;
import io.stratum.core.addressbook.EntryDraft;
import io.stratum.core.mail.MailSettingsStore;
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.cts.auth.MailboxLogin;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSmtp;

/**
 * The Java client SDK against a running CTS: login by PIN from the mailbox, chatting live,
 * reconnecting after a network cut, the address book. Files: {@link ClientSdkFilesIT}; directory
 * login: {@code DirectoryClientLoginIT}; phone login: the RTS's {@code PhoneClientLoginIT}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ClientSdkIT {
    private static final LiveOptions QUICK_RETRY = new LiveOptions(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(800),
            Duration.ofSeconds(30), Duration.ofSeconds(10));

    @Inject
    MailSettingsStore mailSettings;

    @Inject
    AddressBook addressBook;

    @Inject
    RuntimeSettings settings;

    @BeforeEach
    void useTestMailServer() throws Throwable {
        MailboxLogin.useTestMailServer(mailSettings);
    }

    @Test
    void shouldLogInWithThePinFromTheMailboxRenewTokensAndLogOut() {
        String email = "anna-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
        StratumClient client = StratumClient.of(server());

        Credentials login = logIn(client, email);
        StratumSession session = client.session(login, CredentialStore.IN_MEMORY);

        assertEquals(login.huid(), session.me().huid());
        assertEquals(email, session.me().email());
        Credentials renewed = session.refreshTokens();
        assertNotEquals(login.refreshToken(), renewed.refreshToken());
        assertEquals(login.huid(), session.me().huid(), "the renewed access token works");
        StratumException oldRefresh = assertThrows(StratumException.class,
                () -> client.session(login, CredentialStore.IN_MEMORY).refreshTokens());
        assertEquals("refresh_invalid", oldRefresh.code());

        session.logOut();
        StratumException afterLogout = assertThrows(StratumException.class, session::me);
        assertEquals("refresh_invalid", afterLogout.code(), "the logged-out device cannot renew its way back in");
    }

    @Test
    void shouldRefuseAWrongPinWithTheAttemptsLeft() {
        String email = "boris-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
        StratumClient client = StratumClient.of(server());
        client.emailLogin().requestCode(email);
        String pin = TestSmtp.awaitPin(email, 1, Duration.ofSeconds(20));
        String wrong = pin.equals("000000") ? "111111" : "000000";

        StratumException failure = assertThrows(StratumException.class,
                () -> client.emailLogin().confirm(email, wrong, DeviceInfo.desktop("test", "test")));

        assertEquals("code_invalid", failure.code());
        assertEquals(401, failure.status());
        assertTrue(failure.attemptsLeft().isPresent());
    }

    @Test
    void shouldDeliverMessagesEditsDeletionsAndReceiptsLive() throws Exception {
        StratumSession alice = user("alice");
        StratumSession bob = user("bob");
        Chat chat = alice.chats().createPersonal(bob.credentials().huid());
        Recorder aliceSees = new Recorder();
        Recorder bobSees = new Recorder();
        try (LiveSession aliceLive = alice.live(new Cursors(), aliceSees).start(); LiveSession bobLive = bob.live(new Cursors(), bobSees).start()) {
            assertTrue(aliceLive.awaitLive(Duration.ofSeconds(20)));
            assertTrue(bobLive.awaitLive(Duration.ofSeconds(20)));

            Ack sent = aliceLive.send(chat.id(), "Привет, Боб! 👋").get(20, TimeUnit.SECONDS);
            ChatEvent message = bobSees.awaitEvent(event -> event.seq() == sent.seq());
            assertEquals("Привет, Боб! 👋", message.body());
            assertEquals(alice.credentials().huid(), message.author());

            assertEquals(sent.seq(), bobLive.markRead(chat.id(), sent.seq()).get(20, TimeUnit.SECONDS));
            var receipt = aliceSees.awaitReceipt(r -> bob.credentials().huid().equals(r.member()));
            assertEquals(sent.seq(), receipt.readSeq());

            Ack edited = aliceLive.edit(chat.id(), sent.seq(), "Привет всем!").get(20, TimeUnit.SECONDS);
            ChatEvent edit = bobSees.awaitEvent(event -> event.seq() == edited.seq());
            assertEquals(ChatEvent.EDIT, edit.kind());
            assertEquals(sent.seq(), edit.targetSeq());
            assertEquals("Привет всем!", edit.body());

            Ack deleted = aliceLive.delete(chat.id(), sent.seq()).get(20, TimeUnit.SECONDS);
            ChatEvent deletion = bobSees.awaitEvent(event -> event.seq() == deleted.seq());
            assertEquals(ChatEvent.DELETE, deletion.kind());
            assertEquals(sent.seq(), deletion.targetSeq());
            StratumException notAuthor = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> bobLive.edit(chat.id(), sent.seq(), "not mine").get(20, TimeUnit.SECONDS)).getCause() instanceof StratumException e
                    ? e : null;
            assertTrue(notAuthor != null && List.of("not_author", "message_deleted").contains(notAuthor.code()), String.valueOf(notAuthor));
        }
    }

    @Test
    void shouldPageHistoryBackwardsAndForwards() throws Exception {
        StratumSession alice = user("alice");
        StratumSession bob = user("bob");
        Chat chat = alice.chats().createGroup("History", List.of(bob.credentials().huid()));
        for (int i = 1; i <= 7; i++) {
            alice.chats().sendText(chat.id(), "h-" + UUID.randomUUID(), "message " + i);
        }
        long last = bob.chats().get(chat.id()).lastSeq();

        List<ChatEvent> newest = bob.chats().historyBefore(chat.id(), last + 1, 3);
        List<ChatEvent> older = bob.chats().historyBefore(chat.id(), newest.get(0).seq(), 3);
        List<ChatEvent> all = bob.chats().historyBetween(chat.id(), 0, last);

        assertEquals(List.of("message 5", "message 6", "message 7"), newest.stream().map(ChatEvent::body).toList());
        assertEquals(List.of("message 2", "message 3", "message 4"), older.stream().map(ChatEvent::body).toList());
        assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), all.stream().map(ChatEvent::seq).toList());
    }

    @Test
    void shouldResumeWithExactlyTheMissedEventsAfterTheNetworkIsCut() throws Exception {
        StratumSession alice = user("alice");
        Chat chat;
        try (NetworkCut network = new NetworkCut(RestAssured.port)) {
            StratumSession bob = user("bob", network.url());
            chat = alice.chats().createPersonal(bob.credentials().huid());
            Recorder bobSees = new Recorder();
            try (LiveSession aliceLive = alice.live(new Cursors(), new Recorder()).start();
                    LiveSession bobLive = bob.live(new Cursors(), bobSees, QUICK_RETRY).start()) {
                assertTrue(aliceLive.awaitLive(Duration.ofSeconds(20)));
                assertTrue(bobLive.awaitLive(Duration.ofSeconds(20)));
                aliceLive.send(chat.id(), "before the cut").get(20, TimeUnit.SECONDS);
                bobSees.awaitEvent(event -> "before the cut".equals(event.body()));

                network.cut();
                bobSees.awaitCondition(() -> !bobSees.losses.isEmpty(), "bob's session to notice the cut");
                CompletableFuture<Ack> bobWhileAway = bobLive.send(chat.id(), "written while offline");
                for (int i = 1; i <= 5; i++) {
                    aliceLive.send(chat.id(), "missed " + i).get(20, TimeUnit.SECONDS);
                }
                assertFalse(bobWhileAway.isDone(), "nothing is acknowledged while the network is down");
                network.restore();

                Ack bobsAck = bobWhileAway.get(30, TimeUnit.SECONDS);
                aliceLive.send(chat.id(), "after the cut").get(20, TimeUnit.SECONDS);
                bobSees.awaitEvent(event -> "after the cut".equals(event.body()));

                List<ChatEvent> seen = bobSees.events.stream().filter(event -> event.chat().equals(chat.id())).toList();
                assertEquals(LongStream.rangeClosed(1, seen.get(seen.size() - 1).seq()).boxed().toList(),
                        seen.stream().map(ChatEvent::seq).toList(), "every event once, in order, no gaps");
                assertEquals(List.of("before the cut", "missed 1", "missed 2", "missed 3", "missed 4", "missed 5", "written while offline",
                        "after the cut"), seen.stream().filter(ChatEvent::isMessage).map(ChatEvent::body).toList());
                assertEquals(1, seen.stream().filter(event -> event.seq() == bobsAck.seq()).count());
                assertEquals(1, alice.chats().historyBetween(chat.id(), 0, Long.MAX_VALUE - 1).stream()
                        .filter(event -> "written while offline".equals(event.body())).count(), "the re-sent message is stored once");
            }
        }
    }

    @Test
    void shouldFindAColleagueInThisServersAddressBookAndChatWithThem() throws Throwable {
        String team = "Falcon" + UUID.randomUUID().toString().substring(0, 6);
        StratumSession alice = user("alice");
        StratumSession olga = user("olga");
        String olgasEmail = olga.me().email();
        VertxContextSupport.subscribeAndAwait(() -> settings.set(AddressBookSettings.SETTING, new AddressBookSettings(true), "test"));
        VertxContextSupport.subscribeAndAwait(() -> addressBook.create(new EntryDraft("Olga Sokolova", "Buyer", team, "Corp", olgasEmail,
                List.of("+7 343 200-10-20"), null)));
        VertxContextSupport.subscribeAndAwait(() -> addressBook.create(new EntryDraft("Oleg Sokolov", "Driver", team, "Corp", null,
                List.of(), null)));

        List<People.Entry> found = alice.people().search("sokolova " + team.toLowerCase(java.util.Locale.ROOT));
        List<People.Entry> wholeTeam = alice.people().search(team);

        assertEquals(1, found.size(), found.toString());
        assertEquals(2, wholeTeam.size(), wholeTeam.toString());
        assertTrue(wholeTeam.stream().anyMatch(entry -> "Oleg Sokolov".equals(entry.name()) && entry.address() == null),
                "someone who is not a chat user has no address");
        People.Entry olgasEntry = found.get(0);
        assertEquals(List.of("Olga Sokolova", "Buyer", "Corp", olgasEmail, List.of("+7 343 200-10-20"), olga.credentials().address()),
                List.of(olgasEntry.name(), olgasEntry.position(), olgasEntry.company(), olgasEntry.email(), olgasEntry.phones(),
                        olgasEntry.address()));
        Chat chat = alice.chats().createPersonal(olgasEntry.address());
        assertTrue(alice.chats().get(chat.id()).members().stream().anyMatch(member -> member.huid().equals(olga.credentials().huid())));
    }

    private StratumSession user(String name) {
        return user(name, server().toString());
    }

    private StratumSession user(String name, String url) {
        StratumClient client = StratumClient.of(URI.create(url));
        return client.session(logIn(client, name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example"),
                CredentialStore.IN_MEMORY);
    }

    static Credentials logIn(StratumClient client, String email) {
        int before = TestSmtp.messagesTo(email).size();
        client.emailLogin().requestCode(email);
        String pin = TestSmtp.awaitPin(email, before + 1, Duration.ofSeconds(20));
        return client.emailLogin().confirm(email, pin, DeviceInfo.desktop("test", "sdk test"));
    }

    static URI server() {
        return URI.create("http://localhost:" + RestAssured.port);
    }
}
