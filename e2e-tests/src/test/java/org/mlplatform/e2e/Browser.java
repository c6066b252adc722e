package org.mlplatform.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver. Nothing is downloaded: both binaries are
 * named explicitly, so Selenium Manager never runs.
 */
final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("chromium", "/usr/bin/chromium");
    private static final String DRIVER =
            System.getProperty("chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final WebDriverWait wait;

    Browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(DRIVER))
                        .usingAnyFreePort()
                        .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens the portal and signs in on Keycloak's page. */
    void signIn(String username, String password) {
        driver.get(Platform.PORTAL);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(Platform.PORTAL));
    }

    /** Waits until an element with this text is visible and returns it. */
    WebElement text(String text) {
        return wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//*[normalize-space(text())='" + text + "']")));
    }

    WebElement element(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    void awaitTrue(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        // A wait of its own: withMessage would stay on the shared one and name later failures.
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what).until(condition);
    }

    /**
     * The texts of the body rows' cells of the Vaadin grid with this id, row by row in the order
     * shown (a grid's cell contents live in the page, its rows in the grid's shadow root).
     */
    @SuppressWarnings("unchecked")
    List<List<String>> gridRows(String id) {
        Object rows =
                ((JavascriptExecutor) driver)
                        .executeScript(
                                "const grid = document.getElementById(arguments[0]);"
                                        + " if (!grid) return [];"
                                        + " return [...grid.shadowRoot.querySelectorAll('#items tr')]"
                                        + "   .filter(tr => !tr.hidden)"
                                        + "   .map(tr => [...tr.querySelectorAll('td')].map(td => {"
                                        + "     const slot = td.querySelector('slot');"
                                        + "     const cell = slot && slot.assignedElements()[0];"
                                        + "     return cell ? cell.textContent.trim() : ''; }));",
                                id);
        return (List<List<String>>) rows;
    }

    /** Keeps a screenshot beside the test reports, for a person to look at after a failure. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(
                    png.toPath(),
                    dir.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (Exception e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
