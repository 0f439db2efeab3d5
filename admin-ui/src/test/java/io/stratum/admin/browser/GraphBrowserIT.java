package io.stratum.admin.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stratum.admin.Admins;
import io.stratum.testsupport.Chromium;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSql;

/**
 * The Servers and Graph pages of the Trusts section in real headless Chromium (the set-up of
 * {@link ConsoleBrowserIT}). With {@code -Dstratum.screenshots=DIR} both pages are saved there.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class GraphBrowserIT {
    private static ChromeDriver browser;

    @TestHTTPResource("/admin")
    URL console;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void forgetSession() {
        browser.manage().deleteAllCookies();
    }

    private String url(String path) {
        return console.toString() + path;
    }

    private static WebElement await(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static String text(By by) {
        return await(by).getText();
    }

    /** Logs an administrator in; returns their API session for setting up trusts. */
    private Admins.Session administrator() {
        String name = Admins.create("graph-browser", "ADMINISTRATOR", "");
        browser.get(url("/login"));
        await(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(Admins.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        await(By.id("sections"));
        return Admins.login(name);
    }

    private static void trust(Admins.Session admin, String remote, String kind, String host) {
        admin.given().contentType(ContentType.JSON).body(Map.of("remoteId", remote, "name", "Partner " + remote, "kind", kind,
                "endpoint", "127.0.0.1:9", "clientHost", host, "tokenForAccept", "graph-accept-token-0123456789",
                "tokenForConnect", "graph-connect-token-0123456789")).post("/api/v1/admin/trusts").then().statusCode(201);
    }

    private static void screenshot(String name) {
        String directory = System.getProperty("stratum.screenshots");
        if (directory == null) {
            return;
        }
        try {
            Path target = Path.of(directory).resolve("console-" + name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node has its role's class and the circle is drawn in the role's colour. */
    private static void assertNodeColour(String server, String roleClass, String colour) {
        WebElement node = await(By.id("graph-node-" + server));
        assertTrue(node.getAttribute("class").contains(roleClass), server + " has class " + node.getAttribute("class"));
        Object fill = browser.executeScript("return getComputedStyle(arguments[0].querySelector('circle')).fill", node);
        assertEquals(colour, fill, server + " is drawn in the colour of " + roleClass);
    }

    @Test
    void shouldDrawThisServerDragItShowItsDetailsAndThePathOfAChat() {
        Admins.Session admin = administrator();
        String partner = "cts-" + UUID.randomUUID().toString().substring(0, 6);
        trust(admin, partner, "CTS", "chat.partner.example");
        String enterprise = "ets-" + UUID.randomUUID().toString().substring(0, 6);
        trust(admin, enterprise, "ETS", "ets.corp.example");
        UUID chat = UUID.randomUUID();
        UUID local = UUID.randomUUID();
        TestSql.update("INSERT INTO chat (id, kind, name, home_server, created_by) VALUES (?, 'group', 'Graph', 'admin-test', ?)", chat, local);
        TestSql.update("INSERT INTO chat_member (chat_id, huid, joined_seq) VALUES (?, ?, 0)", chat, local);
        TestSql.update("INSERT INTO chat_member (chat_id, huid, joined_seq, server) VALUES (?, ?, 0, ?)", chat, UUID.randomUUID(), partner);
        // A chat homed on the partner (a replica here): the partner's node counts it.
        UUID partnerChat = UUID.randomUUID();
        TestSql.update("INSERT INTO chat (id, kind, name, home_server, created_by) VALUES (?, 'group', 'Partner graph', ?, ?)",
                partnerChat, partner, UUID.randomUUID());
        TestSql.update("INSERT INTO chat_member (chat_id, huid, joined_seq) VALUES (?, ?, 0)", partnerChat, local);

        browser.findElement(By.id("nav-graph")).click();
        WebElement self = await(By.id("graph-node-admin-test"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin/graph"), browser.getCurrentUrl());
        await(By.id("graph-node-" + partner));
        // The colours of trusts.md as the user sees them: RTS green, ETS purple, CTS blue (console.css by graph.js's role class).
        await(By.id("graph-node-" + enterprise));
        assertNodeColour("admin-test", "role-cts", "rgb(30, 95, 180)");
        assertNodeColour(partner, "role-cts", "rgb(30, 95, 180)");
        assertNodeColour(enterprise, "role-ets", "rgb(123, 63, 160)");
        assertNodeColour("rts-upstream", "role-rts", "rgb(31, 122, 58)");
        String before = self.getAttribute("transform");
        new Actions(browser).clickAndHold(self).moveByOffset(60, 40).release().perform();
        assertNotEquals(before, self.getAttribute("transform"), "a server can be dragged");

        new Actions(browser).click(self).perform();
        assertEquals("admin-test", text(By.id("graph-node-id")));
        assertEquals("this server", text(By.id("graph-node-status")));
        assertEquals("localhost", text(By.id("graph-node-host")));
        new Actions(browser).click(browser.findElement(By.id("graph-node-" + partner))).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("graph-node-id"), partner));
        assertEquals("not connected", text(By.id("graph-node-status")));
        assertEquals("chat.partner.example", text(By.id("graph-node-host")));
        assertEquals("1", text(By.id("graph-node-chats")), "the partner is the home of one chat known here");
        new Actions(browser).click(browser.findElement(By.id("graph-node-" + enterprise))).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("graph-node-id"), enterprise));
        assertEquals("0", text(By.id("graph-node-chats")), "the ETS is the home of no chat known here");

        await(By.id("chat-path-id")).sendKeys(chat.toString());
        browser.findElement(By.id("chat-path-show")).click();
        assertTrue(text(By.id("chat-path-admin-test")).contains("home"), text(By.id("chat-path-admin-test")));
        assertTrue(text(By.id("chat-path-" + partner)).contains("no route now"), text(By.id("chat-path-" + partner)));
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("graph");

        WebElement input = browser.findElement(By.id("chat-path-id"));
        input.clear();
        input.sendKeys(UUID.randomUUID().toString());
        browser.findElement(By.id("chat-path-show")).click();
        assertEquals("No chat with this id is known on this server.", text(By.id("chat-path-error")));
    }

    @Test
    void shouldListServersInTabsByKindWithInformationForIntegrators() {
        Admins.Session admin = administrator();
        String partner = "cts-" + UUID.randomUUID().toString().substring(0, 6);
        trust(admin, partner, "CTS", "chat.partner.example");
        String enterprise = "ets-" + UUID.randomUUID().toString().substring(0, 6);
        trust(admin, enterprise, "ETS", "ets.corp.example");

        browser.findElement(By.id("nav-servers")).click();
        assertTrue(text(By.id("server-" + partner)).contains("not connected"), text(By.id("server-" + partner)));
        assertEquals("admin-test", text(By.id("integration-id")));
        assertEquals("CTS", text(By.id("integration-role")));
        screenshot("servers");

        WebElement main = browser.findElement(By.id("main"));
        browser.findElement(By.id("tab-ETS")).click();
        Chromium.awaitGone(browser, main);
        assertEquals("ETS", await(By.id("servers")).getAttribute("data-kind"));
        assertTrue(text(By.id("server-" + enterprise)).contains("Partner " + enterprise));
        browser.findElement(By.linkText("Partner " + enterprise)).click();
        await(By.id("trust-state"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin/trusts/" + enterprise), browser.getCurrentUrl());
    }
}
