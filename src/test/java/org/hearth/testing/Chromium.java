package org.hearth.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through chromedriver, set up the same way for every browser
 * test; a missing browser skips the test, or fails it under {@code CI=true} (see {@link Required}).
 */
public final class Chromium {

    /** Where Debian installs the browser. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    /** Where Debian installs the driver. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /**
     * A new headless browser whose window is {@code width} by {@code height}, keeping the logs of
     * the given types (for example {@code LogType.BROWSER}) at every level.
     */
    public static ChromeDriver start(int width, int height, String... logTypes) {
        Required.here().tool(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER), "chromium or chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // No background traffic of its own: the tests count and serve every request.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=" + width + "," + height,
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync");
        if (logTypes.length > 0) {
            LoggingPreferences logs = new LoggingPreferences();
            for (String type : logTypes) {
                logs.enable(type, Level.ALL);
            }
            options.setCapability("goog:loggingPrefs", logs);
        }
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return browser;
    }

    /** Quits {@code browser} and closes the servers; any of them may be null (a skipped start). */
    public static void quit(ChromeDriver browser, AutoCloseable... servers) {
        if (browser != null) {
            browser.quit();
        }
        for (AutoCloseable server : servers) {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not stop a test server", e);
                }
            }
        }
    }

    /** The browser console's errors since the log was last read (needs {@code LogType.BROWSER} at start). */
    public static List<String> consoleErrors(ChromeDriver browser) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /**
     * Waits up to {@code seconds} for {@code condition} (an element not there yet, or replaced, counts
     * as not yet), or fails naming {@code what}.
     */
    public static void waitFor(BooleanSupplier condition, String what, int seconds) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                // not there yet
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
