package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.testing.SystemTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hosted payment page as a customer's browser sees it: Debian's chromium, headless, driven by Selenium.
 * Fails (not skips) when chromium is missing, because then the page is simply untested; CI installs it.
 */
class HostedPaymentPageBrowserTest extends SandboxTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        SystemTools.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and its driver (for the hosted payment page test)",
                "apt-get install -y chromium chromium-driver");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"));
        browser = new ChromeDriver(options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerPaysThroughThePaymentLink() {
        JsonNode charge = charge(newRef(), "PAYMENT_LINK", 152_500);
        String chargeId = charge.get("charge_id").asText();
        browser.get(charge.get("payment_url").asText());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-button")));
        assertThat(browser.findElement(By.id("merchant")).getText()).isEqualTo("LOKET-SANDBOX");
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("Rp 152.500");
        assertThat(browser.findElement(By.id("time-left")).getText()).contains("Sisa waktu");

        browser.findElement(By.id("method-ewallet")).click();
        assertThat(browser.findElement(By.id("method-ewallet")).isSelected()).isTrue();
        browser.findElement(By.id("pay-button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Pembayaran berhasil"));
        assertThat(browser.findElement(By.id("result")).getText()).contains("Payment successful");
        assertThat(client.get("/v1/charges/" + chargeId).json().get("status").asText()).isEqualTo("PAID");
    }
}
