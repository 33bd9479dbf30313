package com.kefu.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C16 in a real browser, through the gateway: on a complaint's page the desk uploads a PNG (a photo of a receipt) and
 * sees it listed with its type, size and SHA-256; a text file named .png is refused beside the upload in the user's
 * language; the department holding the complaint sees the same list.
 */
class AttachmentConsoleTest {

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);

    private static Browser browser;
    private static Gateway desk;

    @BeforeAll
    static void open() {
        String url = RunningSystem.gatewayUrl();
        desk = Gateway.signIn(url, "desk");
        browser = Browser.open(url, Browser.DESK);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("C16 the desk uploads a PNG on a complaint's page and sees it listed; a text file named .png is "
            + "refused beside the upload in Chinese")
    void uploadAPngAndSeeItListed() throws IOException {
        var created = desk.post("/api/complaints", Map.of("channel", "LETTER", "category", "PRODUCT_QUALITY",
                "severity", "NORMAL", "customer", Map.of("name", "赵女士", "phone", "13800004321"),
                "subject", "收据 " + MARK, "description", "附收据照片"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();

        browser.signIn("desk", "zh");
        browser.go("/complaints/" + id);
        browser.waitForText(By.id("complaint-subject"), MARK);
        browser.waitFor(By.id("no-attachments"));

        Path receipt = png("receipt-" + MARK + ".png");
        browser.waitFor(By.id("attachment-file")).sendKeys(receipt.toAbsolutePath().toString());
        browser.click(By.id("attachment-upload"));
        browser.waitForText(By.cssSelector("[data-test=attachment]"), "receipt-" + MARK + ".png");
        String row = browser.waitFor(By.cssSelector("[data-test=attachment]")).getText();

        JsonNode listed = desk.get("/api/complaints/" + id + "/attachments").body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("contentType").asText()).isEqualTo("image/png");
        assertThat(row).contains("image/png", listed.get(0).get("sha256").asText(), "desk");
        assertThat(listed.get(0).get("size").asLong()).isEqualTo(Files.size(receipt));
        browser.screenshot("complaints-attachments.zh");

        Path text = Files.createTempDirectory("kefu-attach-").resolve("fake.png");
        text.toFile().deleteOnExit();
        text.getParent().toFile().deleteOnExit();
        Files.writeString(text, "这不是图片", StandardCharsets.UTF_8);
        browser.waitFor(By.id("attachment-file")).sendKeys(text.toAbsolutePath().toString());
        browser.click(By.id("attachment-upload"));
        assertThat(browser.waitFor(By.cssSelector("[data-test=attachments] .problem")).getText())
                .contains("只接受 JPEG、PNG 或 PDF");
        assertThat(browser.all(By.cssSelector("[data-test=attachment]"))).hasSize(1);
    }

    @Test
    @DisplayName("C16 the enquiry's page has the same attachments section (one partial, the enquiry's ids): the desk "
            + "uploads a PNG there and sees it listed")
    void uploadAPngOnAnEnquiry() throws IOException {
        var created = desk.post("/api/enquiries", Map.of("channel", "VISIT", "stage", "AFTER_SALE",
                "customerName", "钱先生", "question", "保修卡丢了 " + MARK));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asText();

        browser.signIn("desk", "ru");
        browser.go("/enquiries/" + id);
        browser.waitForText(By.id("enquiry-question"), MARK);
        Path card = png("card-" + MARK + ".png");
        browser.waitFor(By.id("enquiry-attachment-file")).sendKeys(card.toAbsolutePath().toString());
        browser.click(By.id("enquiry-attachment-upload"));
        browser.waitForText(By.cssSelector("[data-test=attachment]"), "card-" + MARK + ".png");
        assertThat(browser.waitFor(By.id("enquiry-attachments-title")).getText()).isNotBlank();

        JsonNode listed = desk.get("/api/enquiries/" + id + "/attachments").body();
        assertThat(listed).hasSize(1);
        assertThat(browser.waitFor(By.cssSelector("[data-test=attachment]")).getText())
                .contains(listed.get(0).get("sha256").asText());
    }

    /** A real PNG of 80×48 pixels: a receipt, white on grey. */
    private static Path png(String name) throws IOException {
        BufferedImage image = new BufferedImage(80, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, 80, 48);
        g.setColor(Color.WHITE);
        g.fillRect(20, 4, 40, 40);
        g.dispose();
        Path file = Files.createTempDirectory("kefu-attach-").resolve(name);
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
