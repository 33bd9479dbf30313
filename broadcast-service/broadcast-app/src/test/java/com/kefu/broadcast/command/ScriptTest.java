package com.kefu.broadcast.command;

import com.kefu.broadcast.Scripts;
import com.kefu.broadcast.api.ScriptDraftedEvent;
import com.kefu.broadcast.command.ScriptCommands.DraftScriptCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private AggregateTestFixture<Script> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Script.class);
    }

    private static DraftScriptCommand draft(String textZh, String textRu) {
        return new DraftScriptCommand("s-1", "开场 / Открытие", "OPENING", textZh, textRu, "broadcaster", NOW);
    }

    @Test
    @DisplayName("B2 a script with its Chinese and its Russian text is drafted as version 1")
    void drafts() {
        fixture.givenNoPriorActivity()
               .when(draft(Scripts.TEXT_ZH, Scripts.TEXT_RU))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ScriptDraftedEvent("s-1", 1, "开场 / Открытие", "OPENING", Scripts.TEXT_ZH,
                       Scripts.TEXT_RU, "broadcaster", NOW))
               .expectState(script -> {
                   assertThat(script.version()).isEqualTo(1);
                   assertThat(script.status()).isEqualTo(ScriptStatus.DRAFT);
               });
    }

    @Test
    @DisplayName("B2 a script without its Russian text is refused")
    void refusesWithoutRussian() {
        fixture.givenNoPriorActivity()
               .when(draft(Scripts.TEXT_ZH, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("a script needs a Russian text in Cyrillic letters, without Chinese in it (B2)")
               .expectNoEvents();
    }

    @Test
    @DisplayName("B2 a script whose Chinese text is Russian is refused")
    void refusesRussianAsChinese() {
        fixture.givenNoPriorActivity()
               .when(draft(Scripts.TEXT_RU, Scripts.TEXT_RU))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("a script needs a Chinese text in Han characters, without Russian in it (B2)")
               .expectNoEvents();
    }

    @Test
    @DisplayName("B2 a Russian text with Chinese mixed in is not Russian; shop numbers and times fit either")
    void tellsTheLanguagesApart() {
        assertThat(ScriptLanguages.isRussian("Магазин A-1024 открыт до 21:00")).isTrue();
        assertThat(ScriptLanguages.isChinese("A-1024 商铺营业至 21:00")).isTrue();
        assertThat(ScriptLanguages.isRussian("Магазин 商铺")).isFalse();
        assertThat(ScriptLanguages.isChinese("Shop A-1024")).isFalse();
    }
}
