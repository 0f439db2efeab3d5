package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.stratum.common.settings.Role;
import io.stratum.testsupport.Chromium;

/**
 * Issue 5, the console per role, as the administrators of a packaged RTS and of a packaged ETS below
 * it see it in headless Chromium: the menu has the role's sections and no Directory, Address book or
 * partner Trusts (which answer 404 when typed in), the Server page names the role, the RTS sets its SMS
 * provider on the Registration page (an error next to a wrong URL, then the notice and the "set"
 * marker, never the password), and the Servers page shows its tabs, the ETS's upstream RTS in the RTS
 * tab. The RTS Registration page is saved as {@code console-registration-rts.png} into
 * {@code -Dstratum.screenshots=DIR} when set, otherwise into target/.
 */
class RoleConsoleBrowserIT {
    private static final String SMS_PASSWORD = "rts-sms-provider-password-42";

    @TempDir
    Path directory;

    private final List<PackagedCts> servers = new ArrayList<>();
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        Chromium.quitAll(browsers);
        for (PackagedCts server : servers) {
            server.close();
        }
    }

    @Test
    void shouldShowEachRoleItsOwnConsole() throws Exception {
        PackagedCts rts = PackagedCts.start(directory, "rts", Role.RTS);
        servers.add(rts);
        PackagedCts ets = PackagedCts.start(directory, "ets", Role.ETS, rts);
        servers.add(ets);

        ChromeDriver onRts = browser();
        logIn(onRts, rts);
        assertMenuOfRole(onRts, rts);
        assertEquals("RTS", text(onRts, By.id("server-role")));

        await(onRts, By.id("nav-registration")).click();
        await(onRts, By.id("sms-form"));
        assertTrue(onRts.findElements(By.id("phone-registration")).size() == 1, "an RTS sets phone registration");
        assertTrue(onRts.findElements(By.id("sms-token-unset")).size() == 1, "no SMS token is set before the console sets one");
        fill(onRts, "sms-url", "ftp://sms-gateway.example.ru/v1/messages");
        fill(onRts, "sms-login", "stratum-rts");
        submit(onRts, "sms-save");
        assertTrue(text(onRts, By.id("smsUrl-error")).contains("http:// or https://"), text(onRts, By.id("smsUrl-error")));
        fill(onRts, "sms-url", "https://sms-gateway.example.ru/v1/messages");
        fill(onRts, "sms-token", SMS_PASSWORD);
        fill(onRts, "sms-sender", "RTS-RU");
        submit(onRts, "sms-save");
        assertEquals("SMS provider saved; the next code is sent through it.", text(onRts, By.id("notice")));
        assertEquals("set", text(onRts, By.id("sms-token-set")));
        assertEquals("https://sms-gateway.example.ru/v1/messages", await(onRts, By.id("sms-url")).getAttribute("value"));
        assertEquals("", await(onRts, By.id("sms-token")).getAttribute("value"));
        assertFalse(onRts.getPageSource().contains(SMS_PASSWORD), "the password is never rendered back");
        onRts.executeScript("window.scrollTo(0, 0)");
        screenshot(onRts, "console-registration-rts.png");

        await(onRts, By.id("nav-servers")).click();
        await(onRts, By.id("server-tabs"));
        for (String tab : List.of("CTS", "ETS", "TTS", "RTS")) {
            assertTrue(onRts.findElements(By.id("tab-" + tab)).size() == 1, "the Servers page has the tab " + tab);
        }
        assertEquals("RTS", text(onRts, By.id("integration-role")).toUpperCase());
        WebElement main = onRts.findElement(By.id("main"));
        onRts.findElement(By.id("tab-ETS")).click();
        Chromium.awaitGone(onRts, main);
        assertEquals("ETS", await(onRts, By.id("servers")).getAttribute("data-kind"));

        onRts.get(rts.url() + "/admin/directory");
        assertTrue(text(onRts, By.id("refusal")).contains("there is no directory section on this server: it is an RTS"),
                text(onRts, By.id("refusal")));

        ChromeDriver onEts = browser();
        logIn(onEts, ets);
        assertMenuOfRole(onEts, ets);
        assertEquals("ETS", text(onEts, By.id("server-role")));
        await(onEts, By.id("nav-registration")).click();
        assertTrue(text(onEts, By.id("email-only")).contains("ETS"), text(onEts, By.id("email-only")));
        assertTrue(onEts.findElements(By.id("sms-form")).isEmpty(), "an ETS has no SMS provider");
        assertTrue(onEts.findElements(By.id("phone-registration")).isEmpty(), "an ETS has no phone registration");
        await(onEts, By.id("nav-servers")).click();
        await(onEts, By.id("server-tabs"));   // the Servers page is in, not the Registration page it replaces
        main = onEts.findElement(By.id("main"));
        onEts.findElement(By.id("tab-RTS")).click();
        Chromium.awaitGone(onEts, main);
        assertEquals("RTS", await(onEts, By.id("servers")).getAttribute("data-kind"));
        assertTrue(onEts.findElements(By.id("server-" + rts.id())).size() == 1, "the ETS lists its upstream RTS in the RTS tab");
        onEts.get(ets.url() + "/admin/directory");
        assertTrue(text(onEts, By.id("refusal")).contains("it is an ETS"), text(onEts, By.id("refusal")));
        onEts.get(ets.url() + "/admin/address_book");
        await(onEts, By.id("address-book"));
    }

    private ChromeDriver browser() {
        ChromeDriver browser = Chromium.start();
        browsers.add(browser);
        return browser;
    }

    /** The menu of an RTS or ETS: Server, Registration, Users, Servers, Graph; no Directory or partner Trusts; an address book on the ETS only. */
    private static void assertMenuOfRole(ChromeDriver browser, PackagedCts server) {
        String menu = text(browser, By.id("sections"));
        for (String present : List.of("server", "registration", "users", "chats", "servers", "graph", "audit")) {
            assertTrue(browser.findElements(By.id("nav-" + present)).size() == 1, server.name() + " has " + present + " in " + menu);
        }
        for (String absent : List.of("directory", "trusts")) {
            assertTrue(browser.findElements(By.id("nav-" + absent)).isEmpty(), server.name() + " has no " + absent + " in " + menu);
        }
        boolean addressBook = !browser.findElements(By.id("nav-address_book")).isEmpty();
        assertEquals(server.settings().role() == Role.ETS, addressBook, server.name() + " address book in " + menu);
        assertFalse(menu.contains("Directory"), menu);
        await(browser, By.id("nav-server")).click();
        await(browser, By.id("server-role"));
    }

    private static WebElement await(ChromeDriver browser, By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static String text(ChromeDriver browser, By by) {
        return await(browser, by).getText();
    }

    private static void fill(ChromeDriver browser, String id, String value) {
        WebElement input = await(browser, By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Clicks a submit button and waits until htmx has swapped the page in. */
    private static void submit(ChromeDriver browser, String id) {
        WebElement main = browser.findElement(By.id("main"));
        browser.findElement(By.id(id)).click();
        Chromium.awaitGone(browser, main);
    }

    private static void logIn(ChromeDriver browser, PackagedCts server) {
        browser.get(server.url() + "/admin/login");
        await(browser, By.id("username")).sendKeys(PackagedCts.ADMIN);
        browser.findElement(By.id("password")).sendKeys(PackagedCts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        await(browser, By.id("sections"));
        assertTrue(text(browser, By.id("server-badge")).endsWith(server.settings().role().name()), text(browser, By.id("server-badge")));
    }

    private static void screenshot(ChromeDriver browser, String name) {
        String directory = System.getProperty("stratum.screenshots");
        Path target = (directory != null ? Path.of(directory) : Path.of("target")).resolve(name);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
