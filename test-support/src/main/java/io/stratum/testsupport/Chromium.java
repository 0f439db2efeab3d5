package io.stratum.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver: nothing is downloaded (Selenium
 * Manager is never asked, because both paths are given). When the packages are missing they are
 * installed with apt-get, as CI on a fresh machine needs.
 */
public final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A new headless browser with an English UI and a 1366×900 window. */
    public static ChromeDriver start() {
        install();
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-US", "--disable-extensions", "--no-first-run");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static synchronized void install() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"), false);
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            run(List.of("apt-get", "update", "-q"), true);
            run(List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"), true);
        }
    }

    private static void run(List<String> command, boolean mustSucceed) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(new File("target/apt-get.log")).start();
            process.getOutputStream().close();
            int exit = process.waitFor();
            if (exit != 0 && mustSucceed) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "), see target/apt-get.log; "
                        + "the browser tests need Debian's chromium and chromium-driver");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits (up to 30 s) until {@code element} has left the page: htmx swapped it out or a new page
     * loaded. Chromium sometimes answers for a node detached mid-call with "Node with given id does
     * not belong to the document" instead of a stale-element error; that means gone too.
     */
    public static void awaitGone(WebDriver browser, WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Quits every browser a test started; one already gone is skipped. */
    public static void quitAll(List<? extends WebDriver> browsers) {
        for (WebDriver browser : browsers) {
            try {
                browser.quit();
            } catch (WebDriverException e) {
                // the browser is already gone
            }
        }
    }
}
