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
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.stratum.testsupport.Chromium;

/**
 * Issue 5, as two administrators do it: two packaged CTS servers, each administrator logs into their
 * own console in headless Chromium, creates the trust to the other server with the form of the
 * Trusts page (the tokens crosswise), and watches both Trusts pages refresh themselves until the link is green on both sides.
 * A's Trusts page with the green link is saved as {@code console-trusts.png}: into
 * {@code -Dstratum.screenshots=DIR} (docs/images) when set, otherwise into target/.
 */
class TrustConsoleBrowserIT {
    private static final Duration LINK_TIMEOUT = Duration.ofSeconds(60);

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
    void shouldCreateATrustOnBothConsolesAndSeeTheLinkTurnGreen() throws Exception {
        PackagedCts a = start("a");
        PackagedCts b = start("b");
        String t1 = "console-token-one-" + UUID.randomUUID();
        String t2 = "console-token-two-" + UUID.randomUUID();

        // Both consoles are on localhost (cookies do not tell ports apart): one browser per administrator.
        ChromeDriver onA = browser();
        ChromeDriver onB = browser();

        logIn(onA, a);
        openTrusts(onA);
        createTrust(onA, b, t1, t2);
        assertEquals("Trust with " + partnerName(b) + " created.", text(onA, By.id("notice")));
        assertTrue(text(onA, By.id("trust-" + b.id())).contains(b.trustEndpoint()), text(onA, By.id("trust-" + b.id())));
        // B does not know A yet: the link cannot be up.
        assertEquals("not connected", text(onA, By.id("state-" + b.id())));
        assertTrue(classes(onA, By.id("state-" + b.id())).contains("red"), classes(onA, By.id("state-" + b.id())));

        logIn(onB, b);
        openTrusts(onB);
        createTrust(onB, a, t2, t1);
        assertEquals("Trust with " + partnerName(a) + " created.", text(onB, By.id("notice")));

        awaitGreen(onA, a, b);
        awaitGreen(onB, b, a);
        assertTrue(text(onA, By.id("queued-" + b.id())).startsWith("0"), text(onA, By.id("queued-" + b.id())));
        for (ChromeDriver browser : List.of(onA, onB)) {
            String page = browser.getPageSource();
            assertFalse(page.contains(t1) || page.contains(t2), "a token is never rendered back");
        }
        screenshot(onA, "console-trusts.png", true);
        screenshot(onB, "console-trusts-b.png", false);
    }

    private PackagedCts start(String name) throws Exception {
        PackagedCts server = PackagedCts.start(directory, name);
        servers.add(server);
        return server;
    }

    private ChromeDriver browser() {
        ChromeDriver browser = Chromium.start();
        browsers.add(browser);
        return browser;
    }

    private static String partnerName(PackagedCts server) {
        return "Partner CTS " + server.name().toUpperCase();
    }

    private static WebElement await(ChromeDriver browser, By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static String text(ChromeDriver browser, By by) {
        return await(browser, by).getText();
    }

    private static String classes(ChromeDriver browser, By by) {
        return await(browser, by).getAttribute("class");
    }

    private static void logIn(ChromeDriver browser, PackagedCts server) {
        browser.get(server.url() + "/admin/login");
        await(browser, By.id("username")).sendKeys(PackagedCts.ADMIN);
        browser.findElement(By.id("password")).sendKeys(PackagedCts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        await(browser, By.id("sections"));
        assertTrue(text(browser, By.id("server-badge")).startsWith(server.id()), text(browser, By.id("server-badge")));
    }

    /** Follows the Trusts link of the section bar, as the administrator does. */
    private static void openTrusts(ChromeDriver browser) {
        await(browser, By.id("nav-trusts")).click();
        await(browser, By.id("create-trust-form"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin/trusts"), browser.getCurrentUrl());
    }

    /** Fills the New trust form for the partner and saves it (htmx swaps the page in). */
    private static void createTrust(ChromeDriver browser, PackagedCts partner, String tokenForAccept, String tokenForConnect) {
        for (String[] field : new String[][] {{"remote-id", partner.id()}, {"trust-name", partnerName(partner)},
                {"trust-endpoint", partner.trustEndpoint()}, {"token-accept", tokenForAccept}, {"token-connect", tokenForConnect}}) {
            WebElement input = await(browser, By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        new Select(browser.findElement(By.id("trust-kind"))).selectByValue("CTS");
        WebElement main = browser.findElement(By.id("main"));
        browser.findElement(By.id("create-trust")).click();
        Chromium.awaitGone(browser, main);
    }

    /**
     * Opens the Trusts page once and watches it, as an administrator would: the table refreshes itself
     * every 5 s, so the partner's status turns into the green "connected" badge without a reload.
     */
    private static void awaitGreen(ChromeDriver browser, PackagedCts on, PackagedCts partner) {
        By state = By.id("state-" + partner.id());
        By row = By.id("trust-" + partner.id());
        browser.get(on.url() + "/admin/trusts");
        await(browser, state);
        String[] last = {"nothing"};
        try {
            Stratum.await("the link of " + on.name() + " with " + partner.name() + " to turn green in the console", LINK_TIMEOUT, () -> {
                try {
                    WebElement badge = browser.findElement(state);
                    last[0] = "[" + badge.getAttribute("class") + "] " + text(browser, row);
                    return badge.getAttribute("class").contains("green") && "connected".equals(badge.getText().strip());
                } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException swapped) {
                    return false; // the table was being replaced by its refresh
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last[0] + "; server log: " + on.log(), e);
        }
        String background = new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(state).getCssValue("background-color"));
        assertEquals("rgba(31, 122, 58, 1)", background, "the badge is the reference green (#1f7a3a)");
    }

    /** Saves the page; into -Dstratum.screenshots when set and {@code documented}, into target/ otherwise. */
    private static void screenshot(ChromeDriver browser, String name, boolean documented) {
        String directory = System.getProperty("stratum.screenshots");
        Path target = (documented && directory != null ? Path.of(directory) : Path.of("target")).resolve(name);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
