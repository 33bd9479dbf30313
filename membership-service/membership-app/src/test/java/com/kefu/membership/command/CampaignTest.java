package com.kefu.membership.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.membership.api.GiftCampaignStartedEvent;
import com.kefu.membership.api.GiftHandedOutEvent;
import com.kefu.membership.api.GiftStockAddedEvent;
import com.kefu.membership.command.Campaign.AddStockCommand;
import com.kefu.membership.command.Campaign.HandOutCommand;
import com.kefu.membership.command.Campaign.StartCampaignCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.hamcrest.Matchers.containsString;

class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    private static final GiftCampaignStartedEvent STARTED = new GiftCampaignStartedEvent("c-1", "双十二", "保温杯", 2, 1,
            TODAY, TODAY.plusDays(10), "aftersales", NOW);
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    private static GiftHandedOutEvent handedOut(String member, int stockLeft) {
        return new GiftHandedOutEvent("c-1", "保温杯", member, 1, stockLeft, "desk", NOW);
    }

    @Test
    @DisplayName("M3 a campaign has an item, a stock, a per-member limit and its days")
    void starts() {
        fixture.givenNoPriorActivity()
               .when(new StartCampaignCommand("c-1", "双十二", "保温杯", 2, 1, TODAY, TODAY.plusDays(10), "aftersales", NOW))
               .expectEvents(STARTED);
        fixture.givenNoPriorActivity()
               .when(new StartCampaignCommand("c-1", "双十二", "保温杯", 2, 1, TODAY, TODAY.minusDays(1), "aftersales",
                       NOW))
               .expectException(InvalidRequest.class);
    }

    @Test
    @DisplayName("M3 every hand-out is recorded; stock never goes below zero")
    void stockNeverBelowZero() {
        fixture.given(STARTED)
               .when(new HandOutCommand("c-1", "m-1", 1, TODAY, "desk", NOW))
               .expectEvents(handedOut("m-1", 1))
               .expectResultMessagePayload(1);
        fixture.given(STARTED, handedOut("m-1", 1), handedOut("m-2", 0))
               .when(new HandOutCommand("c-1", "m-3", 1, TODAY, "desk", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("has 0 保温杯 left"));
        fixture.given(STARTED, handedOut("m-1", 1), handedOut("m-2", 0),
                       new GiftStockAddedEvent("c-1", 5, 5, "aftersales", NOW))
               .when(new HandOutCommand("c-1", "m-3", 1, TODAY, "desk", NOW))
               .expectEvents(handedOut("m-3", 4));
        fixture.given(STARTED)
               .when(new AddStockCommand("c-1", 3, "aftersales", NOW))
               .expectEvents(new GiftStockAddedEvent("c-1", 3, 5, "aftersales", NOW));
    }

    @Test
    @DisplayName("M3 a member gets at most the campaign's limit, and only on its days")
    void limitAndDays() {
        fixture.given(STARTED, handedOut("m-1", 1))
               .when(new HandOutCommand("c-1", "m-1", 1, TODAY, "desk", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("at most 1"));
        fixture.given(STARTED)
               .when(new HandOutCommand("c-1", "m-1", 1, TODAY.plusDays(11), "desk", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("runs from"));
        fixture.given(STARTED)
               .when(new HandOutCommand("c-1", "m-1", 1, TODAY.minusDays(1), "desk", NOW))
               .expectException(RuleViolation.class);
    }
}
