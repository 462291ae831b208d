package cn.ruralfund.publicity;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.ruralfund.publicity.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal in a real headless browser (Debian's chromium and chromium-driver) at a phone's width (390 × 844 CSS
 * pixels): the list and one announcement render in Chinese without horizontal scrolling, and an objection reading
 * {@code <script>alert(1)</script>}, filed through the page's form, shows as text and runs nothing. Screenshots are
 * kept in {@code target/screenshots/}.
 */
@QuarkusTest
class PortalBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String SCRIPT = "<script>alert(1)</script>";

    static WebDriver browser;

    @TestHTTPResource("/")
    URL root;

    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;

    @BeforeAll
    static void startBrowser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as("this test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
                "--window-size=390,844", "--user-data-dir=" + System.getProperty("java.io.tmpdir") + "/chromium-" + ProcessHandle.current().pid());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anObjectionWithAScriptShowsAsTextOnAPhone() throws Exception {
        today("2021-06-03");
        String id = announcedByName("手机端浏览测试项目", vertx);
        browser.get(root + "portal/announcements/" + id);
        assertThat(browser.getTitle()).contains("关于手机端浏览测试项目验收合格的公示");
        browser.findElement(By.name("name")).sendKeys("岩罕");
        browser.findElement(By.name("contact")).sendKeys("13988888888");
        browser.findElement(By.name("text")).sendKeys(SCRIPT + " 冷库未建成");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // the form posts and the browser loads the answer: wait for it (the old page's heading goes stale meanwhile)
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "异议已收到".equals(d.findElement(By.tagName("h1")).getText()));
        noAlert();

        browser.get(root + "portal/announcements/" + id);
        noAlert();
        List<WebElement> objections = browser.findElements(By.cssSelector(".objection"));
        assertThat(objections).hasSize(1);
        assertThat(objections.get(0).getText()).contains(SCRIPT + " 冷库未建成");
        // no element was made of the objection: the only scripts on the page are none at all
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("关于手机端浏览测试项目验收合格的公示");
        fitsThePhone();
        screenshot("announcement-with-script-objection");

        browser.get(root + "portal/announcements");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("项目公示");
        assertThat(browser.findElement(By.linkText("关于手机端浏览测试项目验收合格的公示")).getAttribute("href")).endsWith(id);
        fitsThePhone();
        screenshot("announcement-list");
    }

    static void noAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    static void fitsThePhone() {
        Object widths = ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        List<?> w = (List<?>) widths;
        assertThat(((Number) w.get(0)).longValue()).as("page width at a phone's viewport").isLessThanOrEqualTo(((Number) w.get(1)).longValue());
    }

    static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
