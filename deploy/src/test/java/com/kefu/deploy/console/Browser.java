package com.kefu.deploy.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A member of staff at the console: Debian's Chromium, headless, driven through its own chromedriver (both paths
 * given, so Selenium never looks for a driver on the internet; deploy/browser/ensure-chromium.sh installs them).
 * Screenshots go to {@code target/screenshots/<name>.png}.
 */
public final class Browser implements AutoCloseable {

    /** A front-desk screen; {@link #TABLET} is the tablet the departments carry. */
    public static final Dimension DESK = new Dimension(1366, 900);
    public static final Dimension TABLET = new Dimension(800, 1180);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    public static Browser open(String baseUrl, Dimension size) {
        String chromium = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Chromium and its driver are needed (" + chromium + ", " + chromedriver
                    + "): run deploy/browser/ensure-chromium.sh");
        }
        try {
            Path profile = Files.createTempDirectory("kefu-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                    "--window-size=" + size.width + "," + size.height, "--lang=zh-CN");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(size);
            return new Browser(driver, baseUrl, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens the console, chooses the language and signs in (password "demo", the local profile's users); whoever was
     * signed in in this browser is signed out first.
     */
    public Browser signIn(String username, String language) {
        signedOut();
        language(language);
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("sign-in")).click();
        waitFor(By.id("sign-out"));
        return this;
    }

    /** Opens the console's sign-in page, with whoever was signed in in this browser signed out. */
    public Browser signedOut() {
        driver.get(baseUrl + "/console/");
        script("sessionStorage.clear()");
        driver.get(baseUrl + "/console/#/");
        driver.navigate().refresh();
        waitFor(By.id("username"));
        return this;
    }

    /** Switches the console's language with the selector in its bar. */
    public Browser language(String language) {
        new Select(waitFor(By.id("language"))).selectByValue(language);
        until(d -> language.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        return this;
    }

    /** Goes to a page of the console by its route, e.g. {@code /complaints/…}. */
    public Browser go(String route) {
        driver.get(baseUrl + "/console/#" + route);
        return this;
    }

    /** The element once it is displayed. */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element once its text contains the given text. */
    public WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public <T> T until(Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(d -> condition.apply(driver));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Sets a field's value the way typing would (clears it first). */
    public Browser type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public Browser select(By field, String value) {
        new Select(waitFor(field)).selectByValue(value);
        return this;
    }

    public Browser click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Writes {@code target/screenshots/<name>.png} once fonts and pending requests have settled. */
    public Path screenshot(String name) {
        try {
            script("return document.fonts.ready.then(() => true)");
            Thread.sleep(300);
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a profile left in /tmp is harmless
        }
    }
}
