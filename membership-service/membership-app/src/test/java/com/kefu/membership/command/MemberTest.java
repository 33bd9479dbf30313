package com.kefu.membership.command;

import com.kefu.membership.Members;
import com.kefu.membership.api.MemberRegisteredEvent;
import com.kefu.membership.api.Tier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");
    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    @DisplayName("M1 registration records card number and tier, publishing only the masked phone")
    void registers() {
        fixture.givenNoPriorActivity()
               .when(new RegisterMemberCommand("m-1", "800000000011", "王芳", Members.PHONE, Tier.GOLD,
                       "aftersales", NOW))
               .expectSuccessfulHandlerExecution()
               .expectEvents(
                       new MemberRegisteredEvent("m-1", "800000000011", "王芳", Members.MASKED_PHONE, Tier.GOLD,
                               "aftersales", NOW),
                       new MemberContactRecordedEvent("m-1", Members.PHONE))
               .expectState(member -> {
                   assertThat(member.tier()).isEqualTo(Tier.GOLD);
                   assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
               });
    }
}
