package com.kefu.membership.command;

import com.kefu.platform.rules.InvalidRequest;
import com.kefu.membership.Members;
import com.kefu.membership.api.MemberCardReplacedEvent;
import com.kefu.membership.api.MemberPointsChangedEvent;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.event.MemberContactRecordedEvent;
import com.kefu.membership.api.MemberStatus;
import com.kefu.membership.api.MemberStatusChangedEvent;
import com.kefu.membership.api.MemberTierChangedEvent;
import com.kefu.membership.api.Tier;
import com.kefu.membership.command.MemberCommands.CancelCommand;
import com.kefu.membership.command.MemberCommands.ChangeDetailsCommand;
import com.kefu.membership.command.MemberCommands.ChangePointsCommand;
import com.kefu.membership.command.MemberCommands.ChangeTierCommand;
import com.kefu.membership.command.MemberCommands.ConfirmActiveCommand;
import com.kefu.membership.command.MemberCommands.ReinstateCommand;
import com.kefu.membership.command.MemberCommands.ReplaceCardCommand;
import com.kefu.membership.command.MemberCommands.SuspendCommand;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private static final String CARD = "800000000011";
    private AggregateTestFixture<Member> fixture;
    private final TierRules rules = mock(TierRules.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(rules);
        when(rules.tierFor(org.mockito.ArgumentMatchers.anyLong())).thenReturn(Optional.empty());
    }

    private static MemberRegisteredEvent registered(Tier tier) {
        return new MemberRegisteredEvent("m-1", CARD, "王芳", Members.MASKED_PHONE, tier, "aftersales", NOW);
    }

    private static MemberStatusChangedEvent status(MemberStatus from, MemberStatus to, String reason) {
        return new MemberStatusChangedEvent("m-1", CARD, from, to, reason, "aftersales", NOW);
    }

    @Test
    @DisplayName("M1 registration records card number and tier, publishing only the masked phone")
    void registers() {
        fixture.givenNoPriorActivity()
               .when(new RegisterMemberCommand("m-1", CARD, "王芳", Members.PHONE, Tier.GOLD,
                       "aftersales", NOW))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered(Tier.GOLD), new MemberContactRecordedEvent("m-1", Members.PHONE))
               .expectState(member -> {
                   assertThat(member.tier()).isEqualTo(Tier.GOLD);
                   assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
               });
    }

    @Test
    @DisplayName("M1 suspended → reinstated → cancelled; a cancelled membership changes no more")
    void statusLifecycle() {
        fixture.given(registered(Tier.REGULAR))
               .when(new ReinstateCommand("m-1", null, "aftersales", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("only a suspended membership"));
        fixture.given(registered(Tier.REGULAR))
               .when(new SuspendCommand("m-1", "欠费", "aftersales", NOW))
               .expectEvents(status(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, "欠费"));
        fixture.given(registered(Tier.REGULAR), status(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, "欠费"))
               .when(new ReinstateCommand("m-1", "已缴", "aftersales", NOW))
               .expectEvents(status(MemberStatus.SUSPENDED, MemberStatus.ACTIVE, "已缴"));
        fixture.given(registered(Tier.REGULAR), status(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, "欠费"))
               .when(new CancelCommand("m-1", "本人申请", "aftersales", NOW))
               .expectEvents(status(MemberStatus.SUSPENDED, MemberStatus.CANCELLED, "本人申请"));

        var cancelled = status(MemberStatus.ACTIVE, MemberStatus.CANCELLED, "本人申请");
        for (Object command : java.util.List.of(
                new ChangeDetailsCommand("m-1", "王芳芳", null, "aftersales", NOW),
                new ReplaceCardCommand("m-1", "800000000029", "丢失", "aftersales", NOW),
                new ChangeTierCommand("m-1", Tier.VIP, "aftersales", NOW),
                new CancelCommand("m-1", "again", "aftersales", NOW),
                new ChangePointsCommand("m-1", 10, "购物", "aftersales", NOW))) {
            fixture.given(registered(Tier.REGULAR), cancelled)
                   .when(command)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.containsStringIgnoringCase("cancelled"));
        }
    }

    @Test
    @DisplayName("M1 a replaced card gives the member a new number; the old one is recorded as replaced")
    void replacesCard() {
        fixture.given(registered(Tier.GOLD))
               .when(new ReplaceCardCommand("m-1", "800000000029", "丢失", "aftersales", NOW))
               .expectEvents(new MemberCardReplacedEvent("m-1", CARD, "800000000029", "丢失", "aftersales", NOW))
               .expectState(member -> assertThat(member.cardNumber()).isEqualTo("800000000029"));
    }

    @Test
    @DisplayName("M2 points are earned and redeemed with a reason; the balance never goes below zero")
    void points() {
        var earned = new MemberPointsChangedEvent("m-1", CARD, 300, 300, "购物 ¥300", "aftersales", NOW);
        fixture.given(registered(Tier.REGULAR))
               .when(new ChangePointsCommand("m-1", 300, "购物 ¥300", "aftersales", NOW))
               .expectEvents(earned)
               .expectResultMessagePayload(300L);
        fixture.given(registered(Tier.REGULAR), earned)
               .when(new ChangePointsCommand("m-1", -301, "兑换", "aftersales", NOW))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("below zero"));
        fixture.given(registered(Tier.REGULAR), earned)
               .when(new ChangePointsCommand("m-1", -300, "兑换", "aftersales", NOW))
               .expectEvents(new MemberPointsChangedEvent("m-1", CARD, -300, 0, "兑换", "aftersales", NOW));
        fixture.given(registered(Tier.REGULAR), status(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, "欠费"))
               .when(new ChangePointsCommand("m-1", 10, "购物", "aftersales", NOW))
               .expectException(RuleViolation.class);
        fixture.given(registered(Tier.REGULAR))
               .when(new ChangePointsCommand("m-1", 0, "nothing", "aftersales", NOW))
               .expectException(InvalidRequest.class);
    }

    @Test
    @DisplayName("M2 points earned over the membership lift the tier by the rules, never lower it")
    void tierRules() {
        when(rules.tierFor(1200)).thenReturn(Optional.of(Tier.SILVER));
        fixture.given(registered(Tier.REGULAR),
                       new MemberPointsChangedEvent("m-1", CARD, 1000, 1000, "购物", "aftersales", NOW),
                       new MemberPointsChangedEvent("m-1", CARD, -800, 200, "兑换", "aftersales", NOW))
               .when(new ChangePointsCommand("m-1", 200, "购物", "aftersales", NOW))
               .expectEvents(new MemberPointsChangedEvent("m-1", CARD, 200, 400, "购物", "aftersales", NOW),
                       new MemberTierChangedEvent("m-1", CARD, Tier.REGULAR, Tier.SILVER, Member.TIER_RULES, NOW));
        fixture.given(registered(Tier.GOLD))
               .when(new ChangePointsCommand("m-1", 1200, "购物", "aftersales", NOW))
               .expectEvents(new MemberPointsChangedEvent("m-1", CARD, 1200, 1200, "购物", "aftersales", NOW));
    }

    @Test
    @DisplayName("M4 a change of tier is an event; the same tier again is none")
    void changesTier() {
        fixture.given(registered(Tier.GOLD))
               .when(new ChangeTierCommand("m-1", Tier.VIP, "head", NOW))
               .expectEvents(new MemberTierChangedEvent("m-1", CARD, Tier.GOLD, Tier.VIP, "head", NOW));
        fixture.given(registered(Tier.VIP))
               .when(new ChangeTierCommand("m-1", Tier.VIP, "head", NOW))
               .expectNoEvents();
    }

    @Test
    @DisplayName("M3 M5 only an active member receives gifts and services")
    void confirmsActive() {
        fixture.given(registered(Tier.GOLD))
               .when(new ConfirmActiveCommand("m-1", "receive gifts"))
               .expectSuccessfulHandlerExecution();
        fixture.given(registered(Tier.GOLD), status(MemberStatus.ACTIVE, MemberStatus.CANCELLED, "x"))
               .when(new ConfirmActiveCommand("m-1", "receive gifts"))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("only an active member can receive gifts"));
    }
}
