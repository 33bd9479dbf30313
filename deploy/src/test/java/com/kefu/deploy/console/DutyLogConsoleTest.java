package com.kefu.deploy.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.deploy.Gateway;
import com.kefu.deploy.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The duty log in the console (dutylog-service): the shift's page, the emergency incident form with its photos (and
 * printed), the handover wizard that names every reason it is refused, lost and found, and the manager's signature of
 * a day.
 *
 * <p>The system is shared (other engineers, the other console tests): this class writes under a post of its own and
 * into a duty day of its own, a past day nobody has written into. It never signs today: a sealed today would refuse
 * every write of every other test and person on that system for the rest of the day.
 */
class DutyLogConsoleTest {

    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");
    private static final List<String> LANGUAGES = List.of("ru", "en", "zh");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** A fire's checklist after 篇2 T1 (D13), in the rulebook's order. */
    private static final List<String> FIRE_STEPS = List.of("SENIOR_ON_DUTY_TOLD", "SECURITY_CONTROL_ROOM_TOLD",
            "FIRE_BRIGADE_CALLED", "EXTINGUISHER_USED", "EVACUATION_GUIDED");

    private static Browser browser;
    private static Gateway desk;
    private static Gateway manager;
    private static final List<String> shiftsOpened = new ArrayList<>();
    private static final List<String> incidentsReported = new ArrayList<>();
    private static final List<String> lostItemsRegistered = new ArrayList<>();

    @BeforeAll
    static void open() {
        System.setProperty("java.awt.headless", "true");
        browser = Browser.open(RunningSystem.gatewayUrl(), Browser.DESK);
        desk = Gateway.signIn(RunningSystem.gatewayUrl(), "desk");
        manager = Gateway.signIn(RunningSystem.gatewayUrl(), "manager");
    }

    /** Whatever a failed run left open would hold up every handover on the system (D7): it is closed here. */
    @AfterAll
    static void close() {
        try {
            if (desk != null) {
                incidentsReported.forEach(DutyLogConsoleTest::resolveIfOpen);
                lostItemsRegistered.forEach(DutyLogConsoleTest::handBackIfStored);
                shiftsOpened.forEach(DutyLogConsoleTest::handOverIfOpen);
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @DisplayName("D1 D2 D3 D4 D5 D6 D7 D10 D12 D13 D15 a handover is refused in the console with the fire named; its "
            + "checklist done step by step in the console and the fire resolved, it is proposed; the incoming person "
            + "refuses it at the same desk with their own password, naming why, then accepts it, which opens their "
            + "page; the manager signs the day, sees its digest, and a late entry enters the day's addendum, which the "
            + "manager signs in turn")
    void handoverRefusedWhileTheFireBurns() throws IOException {
        String post = "dl-console-" + RUN;
        LocalDate day = unwrittenPastDay();
        signIn("desk", "zh");

        // D1: a new page for our own post
        browser.go("/desk/shift");
        browser.type(By.id("shift-post-input"), post).click(By.id("shift-open"));
        browser.waitForText(By.id("shift-post"), post);
        String shiftId = browser.waitFor(By.id("shift-header")).getDomAttribute("data-shift-id");
        assertThat(shiftId).isNotBlank();
        shiftsOpened.add(shiftId);

        // D2: an entry of our day; D3: its correction is a new entry, the original stays readable
        String leak = "3楼卫生间漏水 " + RUN;
        setDateTime(By.id("entry-occurred-at"), day.atTime(10, 0));
        browser.select(By.id("entry-category"), "WATER")
               .type(By.id("entry-description"), leak)
               .type(By.id("entry-handling"), "关闭总阀,通知工程部")
               .click(By.id("entry-record"));
        WebElement original = entryRow(leak);
        String correctionText = "更正:4楼卫生间漏水 " + RUN;
        original.findElement(By.cssSelector("[data-test=correct]")).click();
        browser.type(By.id("correction-description"), correctionText).click(By.id("correction-save"));
        WebElement correction = entryRow(correctionText);
        int originalNumber = rowNumber(entryRow(leak));
        assertThat(correction.findElement(By.cssSelector("[data-test=corrects]")).getText())
                .isEqualTo(message("zh", "desk", "desk.entry.corrects").replace("{n}", String.valueOf(originalNumber)));
        assertThat(entryRow(leak).findElement(By.cssSelector("[data-test=description]")).getText()).isEqualTo(leak);
        assertThat(entryRow(leak).findElement(By.cssSelector("[data-test=corrected-by]")).isDisplayed()).isTrue();
        screenshots("desk-shift",
                lang -> browser.waitForText(By.tagName("h1"), message(lang, "desk", "desk.shift.title")));

        // D4 D10: the emergency incident form for a fire
        String place = "B1-" + RUN + " 仓库";
        String heading = "去一楼大堂接应消防 " + RUN;
        browser.go("/desk/incident");
        browser.waitForText(By.id("incident-shift"), post);
        browser.select(By.id("incident-category"), "FIRE");
        browser.waitFor(By.id("fire-details"));
        setDateTime(By.id("incident-occurred-at"), day.atTime(11, 0));
        browser.type(By.id("incident-reporter"), "保安 李明")
               .type(By.id("incident-location"), place)
               .type(By.id("incident-description"), "仓库冒烟 / дым на складе " + RUN)
               .type(By.id("fire-location"), "B1 仓库东侧")
               .type(By.id("fire-burning"), "纸箱")
               .type(By.id("fire-heading"), heading)
               .click(By.id("fire-flame")).click(By.id("fire-smoke"));
        assertThat(browser.waitFor(By.id("incident-major")).isSelected()).as("a fire is always major").isTrue();
        screenshots("desk-incident-form",
                lang -> browser.waitForText(By.tagName("h1"), message(lang, "desk", "desk.incident.newTitle")));
        browser.click(By.id("incident-report"));
        String incidentId = browser.waitFor(By.id("incident")).getDomAttribute("data-incident-id");
        incidentsReported.add(incidentId);
        assertThat(browser.waitFor(By.id("incident-location-text")).getText()).isEqualTo(place);
        // D13 the fire's checklist after 篇2 T1: who reported it, where they are and are heading, every step open
        assertThat(browser.waitFor(By.id("fire-reporter")).getText()).isEqualTo("保安 李明");
        assertThat(browser.waitFor(By.id("fire-position")).getText()).isEqualTo(place);
        assertThat(browser.waitFor(By.id("fire-heading-text")).getText()).isEqualTo(heading);
        assertThat(browser.all(By.cssSelector("#fire-checklist [data-test=fire-step].open")))
                .hasSize(FIRE_STEPS.size());

        // D4: only JPEG or PNG, at most 5 MB; the refusal is said in the user's language
        upload(text("not-a-photo.txt", "这不是照片"));
        browser.waitForText(By.id("photo-problem"), message("zh", "desk", "problem.unsupported-photo"));
        upload(tooLarge());
        browser.waitForText(By.id("photo-problem"), message("zh", "core", "problem.request-too-large"));
        browser.waitForText(By.id("photo-too-large"), message("zh", "desk", "desk.photo.tooLarge"));
        upload(png());
        browser.until(d -> d.findElements(By.cssSelector("[data-test=photo] img")).stream()
                .anyMatch(img -> Boolean.TRUE.equals(browser.script(
                        "return arguments[0].complete && arguments[0].naturalWidth === 96", img))));
        assertThat(browser.driver().findElement(By.id("photo-problem")).isDisplayed()).isFalse();

        // D4 D15 the emergency incident form prints in a new tab, bilingual, the photo shown inside it (the console's
        // Content-Security-Policy, which the printed page keeps, lets it be)
        String console = browser.driver().getWindowHandle();
        browser.click(By.cssSelector("[data-test=print-incident]"));
        String printed = browser.until(d -> d.getWindowHandles().stream().filter(h -> !h.equals(console))
                .findFirst().orElse(null));
        browser.driver().switchTo().window(printed);
        browser.until(d -> d.getPageSource().contains(message("zh", "desk", "desk.entry.incidentForm"))
                && d.getPageSource().contains(message("ru", "desk", "desk.entry.incidentForm")));
        browser.until(d -> Boolean.TRUE.equals(browser.script("const img = document.querySelector('figure img');"
                + " return !!img && img.complete && img.naturalWidth === 96")));
        assertThat(browser.driver().getPageSource()).contains(place);
        browser.driver().close();
        browser.driver().switchTo().window(console);

        screenshots("desk-incident", lang -> browser.waitForText(By.id("incident-status"),
                message(lang, "desk", "desk.incident.open")));

        // D6 D7: the wizard, complete in every step, is refused while the fire burns, and says so
        browser.go("/desk/handover");
        browser.waitForText(By.id("handover-shift"), post);
        browser.click(By.id("prep-records")).click(By.id("prep-items")).click(By.id("prep-equipment"));
        browser.click(By.id("handover-next")).click(By.id("item-add"));
        browser.type(By.id("item-name-0"), "对讲机").type(By.id("item-quantity-0"), "2")
               .click(By.id("item-checked-0"));
        browser.click(By.id("handover-next")).click(By.id("matter-add"));
        browser.type(By.id("matter-subject-0"), "3楼漏水待工程部维修 " + RUN)
               .type(By.id("matter-cause-0"), "水管老化").type(By.id("matter-course-0"), "已关阀门");
        browser.click(By.id("handover-next"));
        browser.type(By.id("handover-incoming"), "aftersales").click(By.id("handover-submit"));
        browser.waitFor(By.id("handover-problem"));
        screenshots("desk-handover", lang -> {
            browser.waitForText(By.cssSelector("#handover-problem strong"), message(lang, "desk",
                    "problem.handover-refused"));
            String fire = message(lang, "desk", "desk.category.FIRE");
            browser.until(d -> reasons().stream().anyMatch(r -> r.contains(place) && r.contains(fire)));
        });
        assertThat(reasons()).as("the preparation was complete").noneMatch(r ->
                r.contains(message("zh", "desk", "desk.reason.recordsRead")));

        // the fire is put out and its form resolved: the handover goes ahead (retrying while another user's
        // emergency, not ours, still holds every handover of the building up)
        browser.all(By.cssSelector("[data-test=blocking-incident]")).stream()
               .filter(link -> link.getText().contains(place)).findFirst()
               .orElseThrow(() -> new AssertionError("no link to the fire's form")).click();
        // D13 not resolved while a step of its checklist is open, and the console says so
        browser.type(By.id("incident-outcome"), "已扑灭,无人受伤 / потушено " + RUN)
               .click(By.id("incident-resolve"));
        browser.waitForText(By.cssSelector("#resolve-problem strong"), message("zh", "desk",
                "problem.fire-checklist-open"));
        assertThat(browser.waitFor(By.id("incident-status")).getText())
                .isEqualTo(message("zh", "desk", "desk.incident.open"));

        // each step done in the console, one with a note; evacuation not needed, which takes a reason
        tickFireStep("SENIOR_ON_DUTY_TOLD", "值班经理 王 " + RUN);
        tickFireStep("SECURITY_CONTROL_ROOM_TOLD", null);
        screenshots("desk-fire-checklist", lang -> browser.waitForText(By.id("fire-checklist-status"),
                message(lang, "desk", "desk.fire.openCount").replace("{n}", "3")));
        tickFireStep("FIRE_BRIGADE_CALLED", null);
        tickFireStep("EXTINGUISHER_USED", null);
        browser.click(fireStepButton("EVACUATION_GUIDED", "fire-step-not-needed"));
        browser.waitForText(By.cssSelector(fireStepCss("EVACUATION_GUIDED") + " [data-test=fire-step-reason-needed]"),
                message("zh", "desk", "desk.fire.reasonNeeded"));
        assertThat(browser.waitFor(fireStep("EVACUATION_GUIDED")).getDomAttribute("data-status")).isEqualTo("OPEN");
        String noEvacuation = "火已扑灭,管理中心未下令疏散 " + RUN;
        browser.type(By.id("fire-step-text-EVACUATION_GUIDED"), noEvacuation)
               .click(fireStepButton("EVACUATION_GUIDED", "fire-step-not-needed"));
        browser.until(d -> "NOT_NEEDED".equals(d.findElement(fireStep("EVACUATION_GUIDED"))
                .getDomAttribute("data-status")));
        browser.waitForText(By.id("fire-checklist-status"), message("zh", "desk", "desk.fire.complete"));
        browser.waitForText(By.cssSelector(fireStepCss("SENIOR_ON_DUTY_TOLD") + " [data-test=fire-step-note]"),
                "值班经理 王 " + RUN);
        browser.waitForText(By.cssSelector(fireStepCss("EVACUATION_GUIDED") + " [data-test=fire-step-reason]"),
                noEvacuation);
        assertThat(browser.all(By.cssSelector("#fire-checklist [data-test=fire-step] [data-test=fire-step-by]")))
                .hasSize(FIRE_STEPS.size()).allMatch(by -> by.getText().startsWith("desk"));
        Gateway.Response checklist = desk.get("/api/incidents/" + incidentId);
        assertThat(checklist.body().path("fireChecklist").path("open")).isEmpty();
        assertThat(checklist.body().path("fireChecklist").path("heading").asText()).isEqualTo(heading);

        browser.click(By.id("incident-resolve"));
        browser.waitForText(By.id("incident-status"), message("zh", "desk", "desk.incident.resolved"));
        browser.go("/desk/handover");
        browser.waitForText(By.id("handover-shift"), post);
        browser.click(By.cssSelector("[data-step=incoming]"));
        assertThat(browser.waitFor(By.id("handover-incoming")).getDomProperty("value"))
                .as("the wizard kept its draft while the fire was resolved").isEqualTo("aftersales");
        // a late entry is written from an open page (D8): ours while it is open, else the one that took it over,
        // which is the shift on duty, the last opened
        String writeFrom = shiftId;
        if (handOverUntilDone(place)) {
            // D15 proposed: the shift stays open until the incoming person accepts it; at this desk, with their own
            // password, they first refuse it naming why (recorded), then, proposed again, accept it
            browser.waitForText(By.id("handover-proposed"), "aftersales");
            assertThat(desk.get("/api/shifts/" + shiftId).body().path("open").asBoolean()).isTrue();
            String why = "对讲机少一台 " + RUN;
            browser.type(By.id("accept-password"), "demo").type(By.id("refuse-reason"), why)
                   .click(By.id("handover-refuse"));
            browser.waitForText(By.cssSelector("#handover-refusals [data-test=refusal]"), why);
            assertThat(browser.waitFor(By.cssSelector("#handover-refusals [data-test=refusal]")).getText())
                    .contains("aftersales");
            assertThat(desk.get("/api/shifts/" + shiftId).body().path("handoverRefusals").path(0).path("reason")
                    .asText()).isEqualTo(why);
            browser.click(By.cssSelector("[data-step=incoming]"));
            assertThat(handOverUntilDone(place)).as("proposed again").isTrue();
            browser.type(By.id("accept-password"), "wrong-" + RUN).click(By.id("handover-accept"));
            browser.waitFor(By.cssSelector("#accept-problem strong"));
            assertThat(desk.get("/api/shifts/" + shiftId).body().path("open").asBoolean())
                    .as("a wrong password signs nothing").isTrue();
            screenshots("desk-handover-acceptance", lang -> browser.waitForText(By.id("handover-accept"),
                    message(lang, "desk", "desk.handover.accept")));
            browser.type(By.id("accept-password"), "demo").click(By.id("handover-accept"));
            assertThat(browser.waitFor(By.id("handover-done")).getText()).contains(post).contains("aftersales");
            String next = browser.waitFor(By.id("handover-next-page")).getDomAttribute("href");
            writeFrom = next.substring(next.lastIndexOf('/') + 1);
            Gateway.Response page = desk.get("/api/shifts/" + writeFrom);
            assertThat(page.body().path("openedBy").asText()).isEqualTo("aftersales");
            assertThat(page.body().path("post").asText()).isEqualTo(post);
            assertThat(desk.get("/api/shifts/" + shiftId).body().path("handoverAcceptance").path("acceptedBy")
                    .asText()).isEqualTo("aftersales");
        }

        // D5: the manager reads the day, signs it and sees the digest; a late entry enters the addendum (D12)
        signIn("manager", "zh");
        browser.go("/dutyday/" + day);
        WebElement page = browser.waitFor(By.cssSelector("[data-test=day-shift][data-shift-id='" + shiftId + "']"));
        browser.waitForText(By.cssSelector("[data-test=day-shift][data-shift-id='" + shiftId + "']"), correctionText);
        assertThat(page.getText()).contains(leak);
        browser.waitForText(By.id("day-incidents"), place);
        browser.waitForText(By.id("day-status"), message("zh", "dutyday", "dutyday.unsigned"));
        browser.click(By.id("day-sign"));
        browser.waitForText(By.id("day-status"), message("zh", "dutyday", "dutyday.sealed"));
        String digest = browser.waitFor(By.id("day-digest")).getText();
        assertThat(digest).matches("[0-9a-f]{64}");
        Gateway.Response signed = manager.get("/api/duty-days/" + day);
        assertThat(signed.body().path("signature").path("digest").asText()).isEqualTo(digest);
        assertThat(browser.waitFor(By.id("day-intact")).getText())
                .isEqualTo(message("zh", "dutyday", "dutyday.intact"));

        browser.select(By.id("late-shift"), writeFrom);
        setDateTime(By.id("late-occurred-at"), day.atTime(15, 0));
        browser.select(By.id("late-category"), "OTHER").type(By.id("late-description"), "补记 " + RUN)
               .click(By.id("late-record"));
        // D12 the late entry is in the day's addendum, with when it happened and when it was written; the signed
        // day is as it was signed
        By addendum = By.cssSelector("[data-test=addendum][data-addendum='1']");
        browser.waitForText(By.cssSelector("#late-form .notice"),
                message("zh", "dutyday", "dutyday.lateSavedAddendum").replace("{n}", "1"));
        browser.waitForText(addendum, "补记 " + RUN);
        browser.waitForText(By.id("day-addendum-open"),
                message("zh", "dutyday", "dutyday.addendum.awaiting").replace("{n}", "1"));
        WebElement lateRow = browser.waitFor(By.cssSelector("[data-test=addendum][data-addendum='1'] "
                + "[data-test=addendum-entry]"));
        assertThat(lateRow.findElement(By.cssSelector("[data-test=addendum-description]")).getText())
                .isEqualTo("补记 " + RUN);
        assertThat(lateRow.findElement(By.cssSelector("[data-test=addendum-occurred-at]")).getText())
                .as("happened on the signed day, written today").isNotBlank()
                .isNotEqualTo(lateRow.findElement(By.cssSelector("[data-test=addendum-recorded-at]")).getText());
        assertThat(browser.waitFor(By.cssSelector("[data-test=addendum][data-addendum='1'] "
                + "[data-test=addendum-status]")).getText())
                .isEqualTo(message("zh", "dutyday", "dutyday.addendum.unsigned"));
        Gateway.Response after = manager.get("/api/duty-days/" + day);
        assertThat(after.body().path("signature").path("entries").asInt())
                .isEqualTo(signed.body().path("signature").path("entries").asInt());
        assertThat(after.body().path("intact").asBoolean()).isTrue();
        assertThat(after.body().path("addenda").path(0).path("entries").path(0).path("description").asText())
                .isEqualTo("补记 " + RUN);
        assertThat(browser.waitFor(By.id("day-digest")).getText()).as("the day's signature as it was")
                .isEqualTo(digest);

        // D12 the manager signs the addendum with the day's sign action: chained to the day's signature
        browser.click(By.id("addendum-sign"));
        browser.waitForText(By.cssSelector("[data-test=addendum][data-addendum='1'] [data-test=addendum-status]"),
                message("zh", "dutyday", "dutyday.addendum.signed"));
        screenshots("dutyday", lang -> {
            browser.waitForText(By.cssSelector("[data-test=addendum][data-addendum='1'] [data-test=addendum-intact]"),
                    message(lang, "dutyday", "dutyday.addendum.intact"));
            browser.waitForText(By.id("day-status"), message(lang, "dutyday", "dutyday.sealed"));
        });
        assertThat(browser.waitFor(By.cssSelector("[data-test=addendum][data-addendum='1'] "
                + "[data-test=addendum-previous-digest]")).getText()).isEqualTo(digest);
        assertThat(browser.all(By.id("addendum-sign"))).as("nothing written since: nothing to sign").isEmpty();

        // D1 D5 the day's log prints in a new tab, bilingual: the day's signature with its digest, the addendum
        String dayPage = browser.driver().getWindowHandle();
        browser.click(By.id("day-print"));
        String dayLog = browser.until(d -> d.getWindowHandles().stream().filter(h -> !h.equals(dayPage))
                .findFirst().orElse(null));
        browser.driver().switchTo().window(dayLog);
        browser.until(d -> d.getPageSource().contains(message("zh", "dutyday", "dutyday.print.title"))
                && d.getPageSource().contains(message("ru", "dutyday", "dutyday.print.title")));
        assertThat(browser.driver().getPageSource()).contains(digest, "补记 " + RUN);
        browser.driver().close();
        browser.driver().switchTo().window(dayPage);
        assertThat(browser.all(By.id("day-addendum-open"))).isEmpty();
        JsonNode signedAddendum = manager.get("/api/duty-days/" + day).body().path("addenda").path(0);
        assertThat(signedAddendum.path("signature").path("previousDigest").asText()).isEqualTo(digest);
        assertThat(signedAddendum.path("signature").path("signedBy").asText()).isEqualTo("manager");
        assertThat(signedAddendum.path("intact").asBoolean()).isTrue();
        browser.click(By.id("sign-out"));
    }

    @Test
    @DisplayName("D14 a guest taken ill is reported in the desk's console; the CS manager's console, on another page, "
            + "shows it at once without reloading, and another one arriving meanwhile; the manager acknowledges it "
            + "there and the incident's form shows who was told and when, the CS head still to be told")
    void guestTakenIllIsToldAtOnce() {
        String place = "2楼 扶梯口 " + RUN;
        signIn("desk", "zh");
        browser.go("/desk/incident");
        browser.select(By.id("incident-kind"), "GUEST_ILL");
        assertThat(browser.waitFor(By.id("incident-category")).getDomProperty("value"))
                .as("a guest taken ill is a matter for management").isEqualTo("OTHER");
        browser.type(By.id("incident-reporter"), "保洁 王姐").type(By.id("incident-location"), place)
               .type(By.id("incident-description"), "一位老人晕倒,已叫120 / пожилому гостю стало плохо " + RUN);
        browser.click(By.id("incident-report"));
        String incidentId = browser.waitFor(By.id("incident")).getDomAttribute("data-incident-id");
        incidentsReported.add(incidentId);
        browser.waitForText(By.id("incident-kind-badge"), message("zh", "desk", "desk.kind.GUEST_ILL"));
        browser.waitForText(By.cssSelector("[data-test=notice-told][data-role=CS_MANAGER]"),
                message("zh", "desk", "desk.notice.waiting"));
        assertThat(browser.all(By.id("notice-acknowledge"))).as("the desk is not told: it tells")
                .noneMatch(WebElement::isDisplayed);

        // the manager, on the day's log, sees it in the bar at once, and one reported while the page is open
        signIn("manager", "ru");
        browser.go("/dutyday/" + LocalDate.now(MALL));
        By ours = By.cssSelector("#notice-banner [data-test=notice][data-incident-id='" + incidentId + "']");
        browser.waitForText(ours, place);
        assertThat(browser.waitFor(ours).getText()).contains(message("ru", "desk", "desk.kind.GUEST_ILL"));
        String drunkPlace = "1楼 大门 " + RUN;
        Gateway.Response drunk = desk.post("/api/incidents", Map.of("kind", "GUEST_DRUNK", "location", drunkPlace,
                "reporter", "保安 李明", "description", "一位客人醉酒 / пьяный гость " + RUN));
        assertThat(drunk.status()).as(String.valueOf(drunk.body())).isEqualTo(201);
        String drunkId = drunk.body().path("id").asText();
        incidentsReported.add(drunkId);
        By live = By.cssSelector("#notice-banner [data-test=notice][data-incident-id='" + drunkId + "']");
        browser.waitForText(live, drunkPlace);
        assertThat(browser.waitFor(live).getText()).contains(message("ru", "desk", "desk.kind.GUEST_DRUNK"));
        screenshots("notice-banner", lang -> browser.waitForText(ours, message(lang, "desk", "desk.kind.GUEST_ILL")));

        browser.language("zh");
        browser.waitFor(ours).findElement(By.cssSelector("[data-test=notice-acknowledge]")).click();
        browser.until(d -> d.findElements(ours).isEmpty());
        assertThat(browser.waitFor(live).isDisplayed()).as("the other one still waits").isTrue();
        browser.waitFor(live).findElement(By.cssSelector("[data-test=notice-open]")).click();
        browser.waitForText(By.id("incident-kind-badge"), message("zh", "desk", "desk.kind.GUEST_DRUNK"));
        browser.click(By.id("notice-acknowledge"));
        browser.until(d -> d.findElements(live).isEmpty());
        WebElement managerTold = browser.waitFor(By.cssSelector("[data-test=notice-told][data-role=CS_MANAGER]"));
        browser.until(d -> "manager".equals(managerTold.getDomAttribute("data-by")));
        assertThat(managerTold.getText()).contains("manager");
        browser.waitForText(By.cssSelector("[data-test=notice-told][data-role=CS_HEAD]"),
                message("zh", "desk", "desk.notice.waiting"));
        screenshots("desk-incident-notice", lang -> browser.waitForText(
                By.cssSelector("[data-test=notice-told][data-role=CS_HEAD]"),
                message(lang, "desk", "desk.notice.waiting")));

        JsonNode told = desk.get("/api/incidents/" + incidentId).body().path("notice");
        assertThat(told.path("told").path(0).path("by").asText()).isEqualTo("manager");
        assertThat(told.path("told").path(0).path("at").asText()).isNotBlank();
        assertThat(told.path("waiting").toString()).isEqualTo("[\"CS_HEAD\"]");
        // the CS head is told too (else their bar keeps this run's notices); open incidents hold up every handover of
        // the building (D7): resolved here
        Gateway head = Gateway.signIn(RunningSystem.gatewayUrl(), "head");
        for (String id : List.of(incidentId, drunkId)) {
            assertThat(head.post("/api/incidents/" + id + "/notice/acknowledgement", null).status()).isEqualTo(200);
            assertThat(desk.post("/api/incidents/" + id + "/resolve", Map.of("outcome", "已处理 " + RUN)).status())
                    .isEqualTo(200);
        }
        browser.click(By.id("sign-out"));
    }

    @Test
    @DisplayName("D9 lost and found: the list shows the stored items from the service, one registered elsewhere "
            + "included, each kept until the end of its retention; an item registered here is handed out only after "
            + "the claimant's identity is checked, then shows among the items handed back, with whom it went to")
    void lostAndFound() {
        // registered through the API, as another desk would: this browser never registered nor looked it up
        String elsewhere = "Синий зонт / 蓝色雨伞 " + RUN;
        Instant foundAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Gateway.Response registered = desk.post("/api/lost-items", Map.of("description", elsewhere,
                "foundBy", "Охранник Чжан / 保安 张", "foundAt", foundAt.toString(), "foundWhere", "1F, главный вход",
                "handedTo", "Ван, старший смены", "storedAt", "Шкаф B-1"));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        lostItemsRegistered.add(registered.body().path("id").asText());
        Instant keptUntil = Instant.parse(registered.body().path("keptUntil").asText());
        assertThat(keptUntil).as("the system keeps an unclaimed item 90 days (kefu.dutylog.lost-item-retention)")
                             .isEqualTo(foundAt.plus(Duration.ofDays(90)));

        signIn("desk", "ru");
        browser.go("/desk/lost");
        By elsewhereRow = lostItemRow(elsewhere);
        browser.waitForText(elsewhereRow, message("ru", "desk", "desk.lost.custody.STORED"));
        WebElement kept = browser.waitFor(elsewhereRow).findElement(By.cssSelector("[data-test=kept-until]"));
        assertThat(Instant.parse(kept.getDomAttribute("datetime"))).isEqualTo(keptUntil);
        assertThat(kept.getText()).as("the date, formatted for the language").isNotBlank();
        assertThat(browser.waitFor(elsewhereRow).getText()).contains("Шкаф B-1").contains("1F, главный вход");
        // found by the number on its slip: its whole chain of custody
        browser.type(By.id("lost-lookup"), registered.body().path("id").asText()).click(By.id("lost-find"));
        browser.waitForText(By.id("lost-looked"), elsewhere);
        browser.waitForText(By.id("lost-looked"), message("ru", "desk", "desk.lost.step.HANDED_TO_SUPERVISOR"));
        assertThat(Instant.parse(browser.waitFor(By.cssSelector("#lost-looked [data-test=kept-until]"))
                .getDomAttribute("datetime"))).isEqualTo(keptUntil);

        // registered here: it shows in the list, handed out only once the claimant's identity is checked
        String item = "Чёрный кошелёк / 黑色钱包 " + RUN;
        browser.type(By.id("lost-description"), item)
               .type(By.id("lost-found-by"), "Уборщица Ли / 保洁 李")
               .type(By.id("lost-found-where"), "3F, у эскалатора")
               .type(By.id("lost-handed-to"), "Ван, старший смены")
               .type(By.id("lost-stored-at"), "Сейф A-2")
               .click(By.id("lost-register"));
        By row = lostItemRow(item);
        browser.waitForText(row, message("ru", "desk", "desk.lost.custody.STORED"));
        String itemId = browser.waitFor(row).getDomAttribute("data-item-id");
        lostItemsRegistered.add(itemId);
        assertThat(browser.waitFor(elsewhereRow).isDisplayed()).isTrue();

        browser.waitFor(row).findElement(By.cssSelector("[data-test=hand-out]")).click();
        browser.type(By.id("claim-claimant"), "Иван Петров").type(By.id("claim-document"), "Паспорт")
               .click(By.id("claim-submit"));
        screenshots("desk-lost", lang -> browser.waitForText(By.cssSelector("#claim-form .problem strong"),
                message(lang, "desk", "problem.identity-not-checked")));

        browser.language("ru");
        browser.click(By.id("claim-identity")).click(By.id("claim-submit"));
        browser.waitForText(By.id("lost-handed-out"), item);
        browser.until(d -> d.findElements(row).isEmpty());
        assertThat(browser.waitFor(elsewhereRow).isDisplayed()).as("still stored").isTrue();

        // among the items handed back; its chain of custody names the claimant, masked (PD1): 王* / И*** П*****
        browser.select(By.id("lost-custody"), "RETURNED");
        browser.waitForText(row, message("ru", "desk", "desk.lost.custody.RETURNED"));
        browser.until(d -> d.findElements(elsewhereRow).isEmpty());
        assertThat(browser.waitFor(row).findElements(By.cssSelector("[data-test=kept-until]")))
                .noneMatch(WebElement::isDisplayed);
        browser.waitFor(row).findElement(By.cssSelector("[data-test=chain] summary")).click();
        browser.waitForText(row, "И*** П*****");
        assertThat(browser.waitFor(row).getText()).contains(message("ru", "desk", "desk.lost.step.RETURNED"));
        browser.click(By.id("sign-out"));
    }

    private static By lostItemRow(String description) {
        return By.xpath("//tr[@data-test='lost-item'][.//*[@data-test='lost-description'][text()='" + description
                + "']]");
    }

    // ---- the pages ------------------------------------------------------------------------------------------------

    /** Signs in afresh, whoever was signed in before (a test that failed half-way leaves its user). */
    private static void signIn(String username, String lang) {
        browser.go("/");
        browser.script("sessionStorage.clear()");
        browser.signIn(username, lang);
    }

    /** Takes the page's screenshot in each language, once {@code ready} has seen it speak that language. */
    private static void screenshots(String name, java.util.function.Consumer<String> ready) {
        for (String lang : LANGUAGES) {
            browser.language(lang);
            ready.accept(lang);
            wholePage(name + "." + lang);
        }
    }

    /** The screenshot of the whole page, not only of what the window shows, at the window's width. */
    private static void wholePage(String name) {
        Dimension window = browser.driver().manage().window().getSize();
        long page = (Long) browser.script("return Math.ceil(document.documentElement.scrollHeight)");
        long frame = (Long) browser.script("return Math.max(0, window.outerHeight - window.innerHeight)");
        int height = (int) Math.min(5000, Math.max(window.height, page + frame));
        browser.driver().manage().window().setSize(new Dimension(window.width, height));
        try {
            browser.screenshot(name);
        } finally {
            browser.driver().manage().window().setSize(window);
        }
    }

    private static By fireStep(String step) {
        return By.cssSelector(fireStepCss(step));
    }

    private static String fireStepCss(String step) {
        return "#fire-checklist [data-test=fire-step][data-step='" + step + "']";
    }

    private static By fireStepButton(String step, String button) {
        return By.cssSelector(fireStepCss(step) + " [data-test=" + button + "]");
    }

    /** A step of the fire's checklist ticked done in the console, with a note if given (D13). */
    private static void tickFireStep(String step, String note) {
        if (note != null) {
            browser.type(By.id("fire-step-text-" + step), note);
        }
        browser.click(fireStepButton(step, "fire-step-done"));
        browser.until(d -> "DONE".equals(d.findElement(fireStep(step)).getDomAttribute("data-status")));
    }

    private static WebElement entryRow(String description) {
        By row = By.xpath("//tr[@data-test='entry'][.//*[@data-test='description'][text()='" + description + "']]");
        return browser.waitFor(row);
    }

    private static int rowNumber(WebElement row) {
        return Integer.parseInt(row.findElement(By.cssSelector("td.num")).getText().trim());
    }

    private static List<String> reasons() {
        return browser.all(By.cssSelector("#handover-problem [data-test=reason]")).stream().map(WebElement::getText)
                      .toList();
    }

    /** A date-time field set to a moment of the mall's day, in the browser's own time zone. */
    private static void setDateTime(By field, java.time.LocalDateTime mallTime) {
        String instant = mallTime.atZone(MALL).toInstant().toString();
        browser.script("""
                const d = new Date(arguments[1]);
                const pad = n => String(n).padStart(2, '0');
                arguments[0].value = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T'
                    + pad(d.getHours()) + ':' + pad(d.getMinutes());
                arguments[0].dispatchEvent(new Event('input', { bubbles: true }));
                arguments[0].dispatchEvent(new Event('change', { bubbles: true }));""",
                browser.waitFor(field), instant);
    }

    private static void upload(Path file) {
        browser.waitFor(By.id("photo-file")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.id("photo-upload"));
    }

    /**
     * Proposes the handover; while only other users' major matters hold every handover of the building up (D7), tries
     * again for a while, since those are usually resolved within seconds. Never while ours, or anything of this shift,
     * does. Answers whether the handover was proposed.
     */
    private static boolean handOverUntilDone(String ours) {
        List<java.util.regex.Pattern> others = List.of(reasonPattern("desk.reason.majorComplaint"),
                reasonPattern("desk.reason.majorIncident"), reasonPattern("desk.reason.emergencyIncident"));
        Instant deadline = Instant.now().plusSeconds(20);
        List<String> reasons;
        do {
            browser.click(By.id("handover-submit"));
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("handover-proposed")));
                return true;
            } catch (TimeoutException refused) {
                reasons = reasons();
                assertThat(reasons).as("the resolved fire no longer holds the handover up")
                                   .noneMatch(r -> r.contains(ours));
                assertThat(reasons).as("only other users' major matters hold the handover up").isNotEmpty()
                                   .allMatch(r -> others.stream().anyMatch(p -> p.matcher(r).matches()));
            }
        } while (Instant.now().isBefore(deadline));
        System.out.println("WARNING: the handover stays refused by other users' matters on this shared system, "
                + "which a test that opened them should have closed: " + reasons);
        return false;
    }

    /** A translated reason (zh) as a pattern, its parameters matching anything. */
    private static java.util.regex.Pattern reasonPattern(String key) {
        String text = message("zh", "desk", key);
        StringBuilder pattern = new StringBuilder();
        for (String part : text.split("\\{\\w+}", -1)) {
            pattern.append(pattern.isEmpty() ? "" : ".*").append(java.util.regex.Pattern.quote(part));
        }
        return java.util.regex.Pattern.compile(pattern.toString());
    }

    // ---- the data ---------------------------------------------------------------------------------------------------

    /** A past day of the mall that no one has written into or signed, so that this run may sign it. */
    private static LocalDate unwrittenPastDay() {
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate day = LocalDate.of(1995, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
            Gateway.Response found = manager.get("/api/duty-days/" + day);
            assertThat(found.status()).as(String.valueOf(found.body())).isEqualTo(200);
            if (!found.body().path("sealed").asBoolean() && found.body().path("current").path("entries").asInt() == 0) {
                return day;
            }
        }
        throw new IllegalStateException("no unwritten past day found");
    }

    /** A real PNG of 96×64 pixels: a flame on a dark ground. */
    private static Path png() throws IOException {
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, 0, 96, 64);
        g.setColor(new Color(230, 90, 20));
        g.fillOval(30, 14, 36, 44);
        g.setColor(new Color(250, 200, 40));
        g.fillOval(40, 30, 16, 24);
        g.dispose();
        Path file = Files.createTempFile("kefu-fire-", ".png");
        file.toFile().deleteOnExit();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** 6 MB that start like a PNG: a photo by its bytes, too large for the service (5 MB). */
    private static Path tooLarge() throws IOException {
        byte[] bytes = new byte[6 * 1024 * 1024];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(png, 0, bytes, 0, png.length);
        Path file = Files.createTempFile("kefu-huge-", ".png");
        file.toFile().deleteOnExit();
        return Files.write(file, bytes);
    }

    private static Path text(String name, String content) throws IOException {
        Path file = Files.createTempDirectory("kefu-upload-").resolve(name);
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A label as the console's bundle gives it, so the assertions follow the wording. */
    private static String message(String lang, String area, String key) {
        return ConsoleMessages.message(lang, area, key);
    }

    // ---- cleaning up after a failed run -----------------------------------------------------------------------------

    private static void resolveIfOpen(String incidentId) {
        Gateway.Response incident = desk.get("/api/incidents/" + incidentId);
        if (incident.status() != 200 || incident.body().path("resolved").asBoolean()) {
            return;
        }
        if (incident.body().path("photos").isEmpty()) {
            try {
                desk.upload("/api/incidents/" + incidentId + "/photos", "fire.png", "image/png",
                        Files.readAllBytes(png()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        incident.body().path("fireChecklist").path("open").forEach(step -> desk.post("/api/incidents/" + incidentId
                + "/fire-steps/" + step.asText() + "/not-needed", Map.of("reason", "closed by the test after a failure")));
        desk.post("/api/incidents/" + incidentId + "/resolve", Map.of("outcome", "closed by the test after a failure"));
    }

    /** An item this run registered is not left in the list of stored items everyone on the system sees. */
    private static void handBackIfStored(String itemId) {
        Gateway.Response item = desk.get("/api/lost-items/" + itemId);
        if (item.status() == 200 && "STORED".equals(item.body().path("custody").asText())) {
            desk.post("/api/lost-items/" + itemId + "/claim", Map.of("claimant", "test " + RUN,
                    "identityChecked", true, "identityDocument", "test"));
        }
    }

    /** Proposed by whoever opened it, to the desk, who accepts (D15): a page this run opened is left handed over. */
    private static void handOverIfOpen(String shiftId) {
        Gateway.Response shift = desk.get("/api/shifts/" + shiftId);
        if (shift.status() == 200 && shift.body().path("open").asBoolean()) {
            String owner = shift.body().path("openedBy").asText();
            Gateway outgoing = "desk".equals(owner) ? desk : Gateway.signIn(RunningSystem.gatewayUrl(), owner);
            String incoming = "desk".equals(owner) ? "aftersales" : "desk";
            Gateway taking = "desk".equals(owner) ? Gateway.signIn(RunningSystem.gatewayUrl(), "aftersales") : desk;
            outgoing.post("/api/shifts/" + shiftId + "/handover", Map.of("incoming", incoming, "incomingFit", true,
                    "preparation", Map.of("recordsRead", true, "itemsCounted", true, "equipmentChecked", true),
                    "lateReason", "closed by the test after a failure"));
            taking.post("/api/shifts/" + shiftId + "/handover/acceptance", Map.of());
        }
    }
}
