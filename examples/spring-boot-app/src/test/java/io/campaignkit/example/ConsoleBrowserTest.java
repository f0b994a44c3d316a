package io.campaignkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator console in a real browser (headless Chromium through Selenium): a file with errors is
 * refused row by row, the fixed file creates the campaign, it is launched on the simulated channel, its
 * live figures reach the whole audience, it is finished after the confirmation, and the report is
 * filtered and downloaded. A screenshot of each page goes to {@code target/console-screenshots/}.
 *
 * <p>Needs {@code chromium} and {@code chromedriver} (Debian's {@code chromium} and {@code chromium-driver},
 * which the CI script installs). Without them the test is skipped with a message, except under CI
 * ({@code CI=true}), where it fails.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-test;DB_CLOSE_DELAY=-1",
            "campaignkit.channels.simulated.delivered-after=PT0.3S"
        })
class ConsoleBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    private static Optional<Path> firstOnPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> chromium = firstOnPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = firstOnPath("chromedriver");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (chromium.isEmpty() || driver.isEmpty()) {
            String missing = "no " + (chromium.isEmpty() ? "chromium" : "chromedriver") + " on the PATH (install the "
                    + "Debian packages chromium and chromium-driver)";
            if (ci) {
                throw new IllegalStateException("CI must run the browser test: " + missing);
            }
            Assumptions.abort("Console browser test skipped: " + missing);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get().toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String resource(String name) throws Exception {
        return Path.of(ConsoleBrowserTest.class.getResource("/contacts/" + name).toURI())
                .toAbsolutePath()
                .toString();
    }

    private void submitNewCampaign(String file) throws Exception {
        browser.findElement(By.id("name")).clear();
        browser.findElement(By.id("name")).sendKeys("Saldo diciembre");
        browser.findElement(By.id("file")).sendKeys(resource(file));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    @Test
    void anOperatorRunsACampaignFromTheFileToTheReport() throws Exception {
        browser.get(url("/console/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New campaign");
        assertThat(browser.findElement(By.cssSelector("label[for=file]")).getText())
                .isEqualTo("Contact file");
        screenshot("1-new-campaign");

        submitNewCampaign("with-errors.csv");
        waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#upload-errors tr.upload-error")));
        List<WebElement> errors = browser.findElements(By.cssSelector("#upload-errors tr.upload-error"));
        assertThat(errors)
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).startsWith("3 CONTACT INVALID_PHONE"))
                .anySatisfy(row -> assertThat(row).startsWith("4 MONTO MISSING_VALUE"))
                .anySatisfy(row -> assertThat(row).startsWith("5 MONTO INVALID_NUMBER"));
        screenshot("2-upload-errors");

        submitNewCampaign("fixed.csv");
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("launch")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("READY");
        assertThat(browser.findElement(By.id("figure-audience")).getText()).isEqualTo("0");
        screenshot("3-campaign-ready");

        browser.findElement(By.id("launch")).click();
        // the page's script refreshes the figures: the simulated handsets report every message delivered
        waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("figure-delivered"), "4"));
        assertThat(browser.findElement(By.id("state")).getText()).startsWith("ACTIVE");
        screenshot("4-campaign-delivered");

        browser.findElement(By.id("finish")).click();
        waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Finishing is final"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Finishing is final")
                .contains("every open conversation is closed");
        screenshot("5-finish-confirmation");
        browser.findElement(By.id("confirm-finish")).click();
        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("state"), "FINISHED"));
        assertThat(browser.findElements(By.id("launch"))).isEmpty();
        screenshot("6-campaign-finished");

        browser.findElement(By.id("report")).click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("caption"), "4 contact(s)"));
        assertThat(browser.findElements(By.cssSelector("tr.report-row"))).hasSize(4);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("state-filter"))).selectByValue("FAILED");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // the filtered page replaces this one: wait for its count, not for the old page's rows
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("caption"), "0 contact(s)"));
        assertThat(browser.findElements(By.cssSelector("tr.report-row"))).isEmpty();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("state-filter")))
                .selectByValue("DELIVERED");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("caption"), "4 contact(s)"));
        assertThat(browser.findElements(By.cssSelector("tr.report-row"))).hasSize(4);
        screenshot("7-report");

        String csvLink = browser.findElement(By.id("download-csv")).getAttribute("href");
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(csvLink)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains("attachment"));
        assertThat(csv.body().lines())
                .hasSize(5)
                .anySatisfy(line -> assertThat(line).startsWith("+525587654321,DELIVERED,"));
    }

    @Test
    void theListPageIsReachableByKeyboardFromItsSkipLink() throws Exception {
        browser.get(url("/console"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Campaigns");
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        screenshot("0-campaign-list");
    }
}
