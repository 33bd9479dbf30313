package com.kefu.broadcast.command;

import com.kefu.broadcast.Scripts;
import com.kefu.broadcast.api.Language;
import com.kefu.broadcast.api.ScriptAiredEvent;
import com.kefu.broadcast.api.ScriptApprovedEvent;
import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.broadcast.api.ScriptRejectedEvent;
import com.kefu.broadcast.api.ScriptRevisedEvent;
import com.kefu.broadcast.api.ScriptSubmittedEvent;
import com.kefu.broadcast.api.ScriptWithdrawnEvent;
import com.kefu.broadcast.command.ScriptCommands.AirScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ApproveScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.RejectScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.ReviseScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.SubmitScriptCommand;
import com.kefu.broadcast.command.ScriptCommands.WithdrawScriptCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval workflow (B3) and what may air (B4), on the aggregate alone. */
class ScriptApprovalTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    private static final String TITLE = "开场 / Открытие";
    private AggregateTestFixture<Script> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Script.class);
    }

    private static ScriptDraftedEvent drafted() {
        return new ScriptDraftedEvent("s-1", 1, TITLE, "OPENING", Scripts.TEXT_ZH, Scripts.TEXT_RU, "broadcaster",
                NOW);
    }

    private static ScriptSubmittedEvent submitted(int version) {
        return new ScriptSubmittedEvent("s-1", version, "broadcaster", NOW);
    }

    private static ScriptApprovedEvent approved(int version, LocalDate from, LocalDate until) {
        return new ScriptApprovedEvent("s-1", version, from, until, "supervisor", NOW);
    }

    private static ScriptRevisedEvent revised(int version) {
        return new ScriptRevisedEvent("s-1", version, TITLE, "OPENING", Scripts.TEXT_ZH + "谢谢！",
                Scripts.TEXT_RU + " Спасибо!", "broadcaster", NOW);
    }

    private static AirScriptCommand air(Language language) {
        return new AirScriptCommand("s-1", "a-1", language, TODAY, "broadcaster", NOW);
    }

    @Test
    @DisplayName("B3 a submitted script is approved by a supervisor who did not write it, with a validity period")
    void approves() {
        fixture.given(drafted(), submitted(1))
               .when(new ApproveScriptCommand("s-1", TODAY, TODAY.plusDays(30), "supervisor", NOW))
               .expectEvents(approved(1, TODAY, TODAY.plusDays(30)))
               .expectState(script -> {
                   assertThat(script.status()).isEqualTo(ScriptStatus.APPROVED);
                   assertThat(script.approval()).isEqualTo(new Approval(1, TODAY, TODAY.plusDays(30)));
               });
    }

    @Test
    @DisplayName("B3 a supervisor cannot approve a script they wrote a version of")
    void authorCannotApprove() {
        fixture.given(drafted(), submitted(1))
               .when(new ApproveScriptCommand("s-1", null, null, "broadcaster", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("script s-1: broadcaster wrote a version of it and cannot approve it; "
                       + "another supervisor must (B3)")
               .expectNoEvents();
    }

    @Test
    @DisplayName("B3 only a submitted version is approved or rejected: a draft is refused")
    void draftIsNotApproved() {
        fixture.given(drafted())
               .when(new ApproveScriptCommand("s-1", null, null, "supervisor", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("script s-1 version 1 is DRAFT and cannot be approved; from DRAFT it can go "
                       + "to [DRAFT, SUBMITTED, WITHDRAWN] (B3)");
        fixture.given(drafted())
               .when(new RejectScriptCommand("s-1", "too long", "supervisor", NOW))
               .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("B3 a rejection carries its reason; without one it is refused")
    void rejectsWithReason() {
        fixture.given(drafted(), submitted(1))
               .when(new RejectScriptCommand("s-1", "the Russian text misses the closing time", "supervisor", NOW))
               .expectEvents(new ScriptRejectedEvent("s-1", 1, "the Russian text misses the closing time",
                       "supervisor", NOW));
        fixture.given(drafted(), submitted(1))
               .when(new RejectScriptCommand("s-1", " ", "supervisor", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("a rejection says why (B3)");
    }

    @Test
    @DisplayName("B3 an edit after approval is a new version, a draft again; the approved version stays the one that airs")
    void editAfterApprovalNeedsApprovalAgain() {
        fixture.given(drafted(), submitted(1), approved(1, null, null))
               .when(new ReviseScriptCommand("s-1", TITLE, "OPENING", Scripts.TEXT_ZH + "谢谢！",
                       Scripts.TEXT_RU + " Спасибо!", "broadcaster", NOW))
               .expectEvents(revised(2))
               .expectState(script -> {
                   assertThat(script.version()).isEqualTo(2);
                   assertThat(script.status()).isEqualTo(ScriptStatus.DRAFT);
                   assertThat(script.approval().version()).isEqualTo(1);
               });
        fixture.given(drafted(), submitted(1), approved(1, null, null), revised(2))
               .when(air(Language.RU))
               .expectEvents(new ScriptAiredEvent("s-1", "a-1", 1, Language.RU, TITLE, "OPENING", "broadcaster", NOW));
        fixture.given(drafted(), submitted(1), approved(1, null, null), revised(2), submitted(2))
               .when(new ApproveScriptCommand("s-1", null, null, "supervisor", NOW))
               .expectEvents(approved(2, null, null));
    }

    @Test
    @DisplayName("B3 the edit of a supervisor makes them an author: they cannot approve the script any more")
    void editorCannotApprove() {
        ScriptRevisedEvent bySupervisor = new ScriptRevisedEvent("s-1", 2, TITLE, "OPENING", Scripts.TEXT_ZH,
                Scripts.TEXT_RU, "supervisor", NOW);
        fixture.given(drafted(), bySupervisor, submitted(2))
               .when(new ApproveScriptCommand("s-1", null, null, "supervisor", NOW))
               .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("B2 an edit that drops the Russian text is refused like a new script without it")
    void editStaysBilingual() {
        fixture.given(drafted())
               .when(new ReviseScriptCommand("s-1", TITLE, "OPENING", Scripts.TEXT_ZH, "", "broadcaster", NOW))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    @DisplayName("B4 an approved script airs its approved version in the language asked, logged with who and when")
    void airs() {
        fixture.given(drafted(), submitted(1), approved(1, null, null))
               .when(air(Language.ZH))
               .expectResultMessagePayload(1)
               .expectEvents(new ScriptAiredEvent("s-1", "a-1", 1, Language.ZH, TITLE, "OPENING", "broadcaster", NOW));
    }

    @Test
    @DisplayName("B4 a draft, a submitted or a rejected script never airs")
    void unapprovedDoesNotAir() {
        fixture.given(drafted())
               .when(air(Language.ZH))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("script s-1 version 1 is DRAFT: no version of it was approved by a "
                       + "supervisor, so it cannot air (B3, B4)");
        fixture.given(drafted(), submitted(1))
               .when(air(Language.ZH))
               .expectException(RuleViolation.class);
        fixture.given(drafted(), submitted(1), new ScriptRejectedEvent("s-1", 1, "no", "supervisor", NOW))
               .when(air(Language.RU))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    @DisplayName("B4 a withdrawn script never airs again, and nothing leaves WITHDRAWN")
    void withdrawnDoesNotAir() {
        fixture.given(drafted(), submitted(1), approved(1, null, null))
               .when(new WithdrawScriptCommand("s-1", "the promotion ended", "broadcaster", NOW))
               .expectEvents(new ScriptWithdrawnEvent("s-1", 1, "the promotion ended", "broadcaster", NOW));
        ScriptWithdrawnEvent withdrawn = new ScriptWithdrawnEvent("s-1", 1, null, "broadcaster", NOW);
        fixture.given(drafted(), submitted(1), approved(1, null, null), withdrawn)
               .when(air(Language.ZH))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("script s-1 was withdrawn: it cannot air (B4)");
        fixture.given(drafted(), withdrawn)
               .when(new SubmitScriptCommand("s-1", "broadcaster", NOW))
               .expectException(RuleViolation.class);
    }

    @Test
    @DisplayName("B4 an approval airs only within its validity: not before validFrom, not after validUntil (expired)")
    void validityPeriod() {
        fixture.given(drafted(), submitted(1), approved(1, TODAY.minusDays(10), TODAY.minusDays(1)))
               .when(air(Language.ZH))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("script s-1 version 1 was approved to air until 2026-11-25: it expired (B4)");
        fixture.given(drafted(), submitted(1), approved(1, TODAY.plusDays(1), null))
               .when(air(Language.ZH))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(
                       "script s-1 version 1 is approved to air from 2026-11-27, not on 2026-11-26 (B4)");
        fixture.given(drafted(), submitted(1), approved(1, TODAY, TODAY))
               .when(air(Language.RU))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("B3 the state machine is in one place: approved and rejected versions only go to an edit or withdrawal")
    void stateMachine() {
        assertThat(ScriptStatus.APPROVED.canMoveTo(ScriptStatus.SUBMITTED)).isFalse();
        assertThat(ScriptStatus.REJECTED.canMoveTo(ScriptStatus.APPROVED)).isFalse();
        assertThat(ScriptStatus.SUBMITTED.canMoveTo(ScriptStatus.APPROVED)).isTrue();
        assertThat(ScriptStatus.WITHDRAWN.next()).isEmpty();
    }
}
