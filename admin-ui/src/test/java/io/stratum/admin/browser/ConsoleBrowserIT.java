package io.stratum.admin.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stratum.admin.Admins;
import io.stratum.testsupport.Chromium;
import io.stratum.testsupport.KafkaTestResource;
import io.stratum.testsupport.PostgresTestResource;
import io.stratum.testsupport.TestSmtp;

/**
 * The console in real headless Chromium, as an administrator uses it. With
 * {@code -Dstratum.screenshots=DIR} each main page is saved as a PNG there (docs/images).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ConsoleBrowserIT {
    private static ChromeDriver browser;

    @TestHTTPResource("/admin")
    URL console;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
        // GreenMail's connection threads inherit this loader; jakarta.mail's ServiceLoader must see
        // its provider through the same loader that loaded the API, or it refuses it as "not a subtype".
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TestSmtp.class.getClassLoader());
        try {
            TestSmtp.server();
        } finally {
            thread.setContextClassLoader(previous);
        }
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

    private void logIn(String username, String password) {
        browser.get(url("/login"));
        await(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private String administrator() {
        String name = Admins.create("browser", "ADMINISTRATOR", "");
        logIn(name, Admins.PASSWORD);
        await(By.id("sections"));
        return name;
    }

    /** Submits a boosted form and waits until htmx has swapped in the answer (the old element is gone). */
    private static void submit(WebElement button) {
        WebElement main = browser.findElement(By.id("main"));
        button.click();
        Chromium.awaitGone(browser, main);
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

    /** Fills and saves the SMTP form: GreenMail (or nothing) on this machine, no login, no TLS. */
    private void saveSmtp(int port) {
        browser.get(url("/email"));
        for (String[] field : new String[][] {{"from", "console@corp.example"}, {"host", "127.0.0.1"}, {"port", Integer.toString(port)},
                {"user", ""}}) {
            WebElement input = await(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        new Select(browser.findElement(By.id("security"))).selectByValue("NONE");
        submit(browser.findElement(By.id("email-save")));
    }

    @Test
    void shouldLogInAndSeeEverySection() {
        browser.get(url("/login"));
        await(By.id("login-form"));
        screenshot("login");
        administrator();
        assertTrue(browser.getCurrentUrl().endsWith("/admin/server"), browser.getCurrentUrl());
        assertEquals("admin-test", text(By.id("server-id")));
        List<String> sections = browser.findElements(By.cssSelector("#sections a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Server", "Administrators", "Audit", "Settings", "E-mail", "Registration", "Users", "Chats", "Address book",
                "Directory", "Trusts", "Servers", "Graph", "Global chat", "Monitoring", "Logs"), sections);
        screenshot("server");
        browser.get(url("/monitoring"));
        assertTrue(text(By.id("metric-metric_uptime")).contains("Uptime"), text(By.id("metric-metric_uptime")));
        screenshot("monitoring");
        for (String page : List.of("logs", "settings", "address_book", "directory", "account")) {
            browser.get(url("/" + page));
            await(By.id("main"));
            screenshot(page);
        }
    }

    @Test
    void shouldSayWhatIsWrongWithAWrongPassword() {
        String name = Admins.create("typo", "ADMINISTRATOR", "");
        logIn(name, "not-the-right-password-1");
        assertEquals("Wrong login or password.", text(By.id("error")));
        assertEquals(name, browser.findElement(By.id("username")).getAttribute("value"));
        assertEquals("", browser.findElement(By.id("password")).getAttribute("value"));
    }

    @Test
    void shouldLockTheLoginAfterRepeatedFailures() {
        String name = Admins.create("lockout", "ADMINISTRATOR", "");
        for (int i = 0; i < 3; i++) {
            logIn(name, "not-the-right-password-" + i);
            assertEquals("Wrong login or password.", text(By.id("error")));
        }
        logIn(name, Admins.PASSWORD);
        assertTrue(text(By.id("error")).startsWith("Too many failed logins. Try again in"), text(By.id("error")));
    }

    @Test
    void shouldCreateALimitedAdministratorWhoSeesOnlyTheirSections() {
        administrator();
        browser.get(url("/administrators"));
        String limited = "auditor-" + UUID.randomUUID().toString().substring(0, 6);
        await(By.id("new-username")).sendKeys(limited);
        browser.findElement(By.id("new-password")).sendKeys("auditor-password-2024");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("LIMITED");
        new Select(browser.findElement(By.id("section-AUDIT"))).selectByValue("READ");
        submit(browser.findElement(By.id("create-admin")));
        assertEquals("Administrator " + limited + " was created.", text(By.id("notice")));
        assertTrue(text(By.id("admin-" + limited)).contains("Audit (Read only)"));
        screenshot("administrators");
        submit(browser.findElement(By.id("logout")));

        logIn(limited, "auditor-password-2024");
        await(By.id("sections"));
        assertEquals(List.of("Audit"), browser.findElements(By.cssSelector("#sections a")).stream().map(WebElement::getText).toList());
        assertTrue(browser.findElements(By.id("verify-chain")).size() == 1);
        browser.get(url("/administrators"));
        assertTrue(text(By.id("refusal")).contains("your rights do not include ADMINISTRATORS"), text(By.id("refusal")));
        browser.get(url("/server"));
        assertTrue(text(By.id("refusal")).contains("SERVER"));
    }

    @Test
    void shouldRefuseAnInvalidPasswordForANewAdministratorNextToTheField() {
        administrator();
        browser.get(url("/administrators"));
        await(By.id("new-username")).sendKeys("weak-" + UUID.randomUUID().toString().substring(0, 6));
        browser.findElement(By.id("new-password")).sendKeys("password1234");
        new Select(browser.findElement(By.id("section-LOGS"))).selectByValue("READ");
        submit(browser.findElement(By.id("create-admin")));
        assertEquals("the password is a common password followed by digits", text(By.id("password-error")));
    }

    @Test
    void shouldSaveSmtpSettingsAndSendATestMail() {
        administrator();
        saveSmtp(TestSmtp.port());
        assertEquals("Saved.", text(By.id("notice")));
        assertEquals("", browser.findElement(By.id("password")).getAttribute("value"));

        String to = "test-" + UUID.randomUUID().toString().substring(0, 6) + "@corp.example";
        await(By.id("test-to")).sendKeys(to);
        submit(browser.findElement(By.id("email-test-send")));
        assertEquals("The test e-mail to " + to + " was accepted by the SMTP server.", text(By.id("notice")));
        assertEquals(1, TestSmtp.messagesTo(to).size());
        screenshot("email");
    }

    @Test
    void shouldShowTheSmtpServersAnswerWhenTheTestMailFails() {
        administrator();
        saveSmtp(1);
        await(By.id("test-to")).sendKeys("nobody@corp.example");
        submit(browser.findElement(By.id("email-test-send")));
        assertTrue(text(By.id("error")).startsWith("The test e-mail was not sent: "), text(By.id("error")));
        assertFalse(text(By.id("to-error")).isBlank());
        // Put a working server back for the other tests.
        saveSmtp(TestSmtp.port());
    }

    @Test
    void shouldCreateATrustAndBlockItWithoutEverShowingItsTokens() {
        administrator();
        String remote = "cts-" + UUID.randomUUID().toString().substring(0, 8);
        String acceptToken = "browser-accept-token-" + UUID.randomUUID();
        browser.get(url("/trusts"));
        for (String[] field : new String[][] {{"remote-id", remote}, {"trust-name", "Partner " + remote}, {"trust-endpoint", "cts-c.partner.example"},
                {"token-accept", acceptToken}, {"token-connect", "browser-connect-token-" + UUID.randomUUID()}}) {
            await(By.id(field[0])).sendKeys(field[1]);
        }
        new Select(browser.findElement(By.id("trust-kind"))).selectByValue("CTS");
        submit(browser.findElement(By.id("create-trust")));
        assertEquals("Trust with Partner " + remote + " created.", text(By.id("notice")));
        assertTrue(text(By.id("trust-" + remote)).contains("not connected"), text(By.id("trust-" + remote)));
        assertTrue(text(By.id("trust-" + remote)).contains("cts-c.partner.example:5001"));
        // console-trusts.png (a green link between two servers) is taken by it/TrustConsoleBrowserIT.

        browser.findElement(By.linkText("Partner " + remote)).click();
        await(By.id("disable-trust"));
        WebElement main = browser.findElement(By.id("main"));
        browser.findElement(By.id("disable-trust")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        Chromium.awaitGone(browser, main);
        assertEquals("Trust with Partner " + remote + " blocked.", text(By.id("notice")));
        assertTrue(text(By.id("trust-state")).contains("blocked"), text(By.id("trust-state")));
        assertFalse(browser.getPageSource().contains(acceptToken), "a token is never rendered back");
        screenshot("trust");
    }

    @Test
    void shouldFindBlockAndDeleteAUser() throws Exception {
        String email = "zoe-" + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
        UUID huid = UUID.randomUUID();
        Admins.sql("INSERT INTO chat_user (huid, email, name, source) VALUES (?, ?, 'Zoe Browser', 'email')", huid, email);
        administrator();
        browser.get(url("/users"));
        await(By.id("users-q")).sendKeys(email);
        submit(browser.findElement(By.id("users-search-button")));
        assertTrue(text(By.id("user-" + huid)).contains(email), text(By.id("users")));
        browser.findElement(By.linkText("Zoe Browser")).click();
        await(By.id("block-user"));
        WebElement main = browser.findElement(By.id("main"));
        browser.findElement(By.id("block-user")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        Chromium.awaitGone(browser, main);
        assertEquals("Zoe Browser is blocked; every device was logged out.", text(By.id("notice")));
        assertEquals("blocked", text(By.id("user-status")));
        screenshot("user");

        main = browser.findElement(By.id("main"));
        browser.findElement(By.id("delete-user")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        Chromium.awaitGone(browser, main);
        assertEquals("Zoe Browser was deleted: every device was logged out and the account removed.", text(By.id("notice")));
        await(By.id("users-q")).sendKeys(email);
        submit(browser.findElement(By.id("users-search-button")));
        assertTrue(browser.findElements(By.id("user-" + huid)).isEmpty(), text(By.id("users")));
    }

    @Test
    void shouldFlipTheOrderOfTheUsersTableByClickingAColumnHeader() throws Exception {
        String tag = "hdr" + UUID.randomUUID().toString().substring(0, 6);
        UUID ada = UUID.randomUUID();
        UUID zed = UUID.randomUUID();
        Admins.sql("INSERT INTO chat_user (huid, email, name, source) VALUES (?, ?, ?, 'email')", ada, tag + "-ada@corp.example", "Ada " + tag);
        Admins.sql("INSERT INTO chat_user (huid, email, name, source) VALUES (?, ?, ?, 'email')", zed, tag + "-zed@corp.example", "Zed " + tag);
        administrator();
        browser.get(url("/users"));
        await(By.id("users-q")).sendKeys(tag);
        submit(browser.findElement(By.id("users-search-button")));

        submit(await(By.id("sort-name")));
        assertEquals(List.of("user-" + ada, "user-" + zed), userRows());
        assertTrue(text(By.id("sort-name")).endsWith("▲"), text(By.id("sort-name")));
        screenshot("users");
        submit(await(By.id("sort-name")));
        assertEquals(List.of("user-" + zed, "user-" + ada), userRows());
        assertTrue(text(By.id("sort-name")).endsWith("▼"), text(By.id("sort-name")));
        assertTrue(browser.getCurrentUrl().contains("desc=true"), browser.getCurrentUrl());
    }

    /** The ids of the rows of the users table, top to bottom. */
    private static List<String> userRows() {
        return browser.findElements(By.cssSelector("#users tbody tr")).stream().map(row -> row.getAttribute("id")).toList();
    }

    @Test
    void shouldPostToEveryUserThroughTheGlobalChat() {
        administrator();
        browser.get(url("/global_chat"));
        await(By.id("global-chat-text")).sendKeys("The office is closed on Friday.");
        submit(browser.findElement(By.id("global-chat-send")));
        assertTrue(text(By.id("notice")).startsWith("Sent to "), text(By.id("notice")));
        screenshot("global-chat");
    }

    @Test
    void shouldRefuseAnInvalidEmailMaskNextToTheField() {
        administrator();
        browser.get(url("/registration"));
        WebElement mask = await(By.id("email-mask"));
        mask.clear();
        mask.sendKeys("^(unclosed@corp");
        submit(browser.findElement(By.id("registration-save")));
        assertTrue(text(By.id("emailMask-error")).contains("not a valid regular expression"), text(By.id("emailMask-error")));
        mask = await(By.id("email-mask"));
        assertEquals("^(unclosed@corp", mask.getAttribute("value"));
        mask.clear();
        mask.sendKeys("^.*@corp\\.example$");
        submit(browser.findElement(By.id("registration-save")));
        assertEquals("Saved.", text(By.id("notice")));
        screenshot("registration");
    }

    @Test
    void shouldVerifyTheAuditChain() {
        administrator();
        browser.get(url("/audit"));
        submit(await(By.id("verify-chain")));
        assertTrue(text(By.id("notice")).startsWith("The audit chain is intact:"), text(By.id("notice")));
        assertTrue(text(By.id("audit")).contains("audit.verify"));
        screenshot("audit");
    }

    @Test
    void shouldSwitchToRussian() {
        administrator();
        browser.get(url("/audit"));
        await(By.id("language-toggle")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Аудит"));
        await(By.id("language-toggle")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Audit"));
    }
}
