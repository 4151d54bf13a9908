package org.rrp.workflow.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The distribution's Chromium, headless, driven through the distribution's chromedriver, both named by path so
 * Selenium never looks for (or downloads) a browser or driver of its own. Runs when both are installed; skipped
 * with the reason otherwise, unless {@code RRP_BROWSER_TESTS=required} (CI), which makes a missing browser a
 * failure.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RRP_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("RRP_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  /** Generous: the machines running this are slow and shared. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriverService service;
  private final Path profile;
  final ChromeDriver driver;
  final String baseUrl;

  /** What is missing to run the browser tests, said so a person can install it; null when nothing is. */
  static String missing() {
    String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (Debian package chromium)"
        : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " (Debian package chromium-driver)" : null;
    return missing == null ? null
        : "The browser tests need " + missing + ": install it with apt-get install chromium chromium-driver";
  }

  static boolean required() {
    return "required".equals(System.getenv("RRP_BROWSER_TESTS"));
  }

  /** Skips the calling test when Chromium or chromedriver is missing, or fails it when the browser tests are required. */
  static void assumeInstalled() {
    String missing = missing();
    if (missing != null && required()) {
      fail(missing + " (RRP_BROWSER_TESTS=required)");
    }
    assumeTrue(missing == null, missing);
  }

  /**
   * Skips a browser test class before its application starts when the browser is missing, with the reason; when the
   * browser tests are required, fails it, also before its application starts.
   */
  static final class Installed implements ExecutionCondition, TestInstancePreConstructCallback {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String missing = missing();
      return missing == null || required() ? ConditionEvaluationResult.enabled("Chromium and chromedriver installed")
          : ConditionEvaluationResult.disabled(missing);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
      assumeInstalled();
    }
  }

  Browser(String baseUrl) throws IOException {
    this.baseUrl = baseUrl;
    // Both paths given: Selenium Manager is not consulted ("path specified in Service class").
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    profile = Files.createTempDirectory("rrp-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-GB", "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    Files.createDirectories(SCREENSHOTS);
  }

  /** Logs in on a webapp's login page (Tasklist, Cockpit) as a demo user. */
  void logIn(String app, String user) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    until(ExpectedConditions.urlContains("/login"));
    // The login view may render twice while the app starts: type until both fields hold what was typed.
    until(driver -> {
      WebElement name = driver.findElement(By.cssSelector("input[type=text]"));
      WebElement password = driver.findElement(By.cssSelector("input[type=password]"));
      if (!name.isDisplayed()) {
        return null;
      }
      name.clear();
      name.sendKeys(user);
      password.clear();
      password.sendKeys("demo");
      return user.equals(name.getDomProperty("value")) && "demo".equals(password.getDomProperty("value")) ? true : null;
    });
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    until(driver -> {
      if (!driver.getCurrentUrl().contains("/login")) {
        return true;
      }
      List<String> refused = texts(By.cssSelector(".page-notifications .alert"));
      if (!refused.isEmpty()) {
        throw new AssertionError(user + " could not log in to " + app + ": " + refused);
      }
      return null;
    });
  }

  <T> T until(Function<WebDriver, T> condition) {
    return waitFor(PATIENCE).until(condition);
  }

  /** Polls every 200 ms; a condition that read an element Tasklist has just re-rendered is simply asked again. */
  private WebDriverWait waitFor(Duration time) {
    WebDriverWait wait = new WebDriverWait(driver, time, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** What the condition yields within the given time, or nothing; for what a build may not have yet. */
  <T> Optional<T> within(Duration time, Function<WebDriver, T> condition) {
    try {
      return Optional.of(waitFor(time).until(condition));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Scrolls the element to the middle of the window and clicks it (Tasklist's footer covers the bottom edge). */
  void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  void click(By by) {
    click(until(ExpectedConditions.elementToBeClickable(by)));
  }

  void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /**
   * The visible text of every visible element matched, trimmed, the empty ones left out; read again if the page
   * re-renders them while they are read (Tasklist refreshes its list after a task is completed).
   */
  List<String> texts(By by) {
    return until(current -> current.findElements(by).stream().filter(WebElement::isDisplayed).map(WebElement::getText)
        .map(String::trim).filter(text -> !text.isEmpty()).toList());
  }

  /** Saves what the window shows as target/browser-screenshots/{name}.png. */
  Path screenshot(String name) {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path target = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.close();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** An XPath string literal for any text, quotes included. */
  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
