package com.kefu.dutylog.command;

import com.kefu.dutylog.command.ParcelCommands.HandOverParcelCommand;
import com.kefu.dutylog.command.ParcelCommands.ReceiveParcelCommand;
import com.kefu.dutylog.command.ParcelCommands.StoreParcelCommand;
import com.kefu.dutylog.event.ParcelHandedOverEvent;
import com.kefu.dutylog.event.ParcelReceivedEvent;
import com.kefu.dutylog.event.ParcelStoredEvent;
import com.kefu.platform.rules.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class ParcelTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-26T02:00:00Z");
    private static final String TENANT = "A-301 莫斯科皮草";
    private AggregateTestFixture<Parcel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Parcel.class);
    }

    private static ParcelReceivedEvent received() {
        return new ParcelReceivedEvent("p-1", TENANT, "A-301", "PARCEL", "中通快递 纸箱 约40cm", "中通 快递员 李",
                "desk", RECEIVED);
    }

    private static ParcelStoredEvent stored() {
        return new ParcelStoredEvent("p-1", "前台 寄存柜 2", "desk", RECEIVED);
    }

    private static ParcelHandedOverEvent handedOver() {
        return new ParcelHandedOverEvent("p-1", TENANT,
                new ParcelHandedOverEvent.Signature("店员 Ольга", "签名 / подпись, 工牌 A-301-2"), "evening",
                RECEIVED.plusSeconds(7200));
    }

    @Test
    @DisplayName("D17 mail is received for a tenant and stored: who delivered it, for which tenant and shop, what it "
            + "is from the outside, where it is kept, who took it in and when")
    void receivedAndStored() {
        fixture.givenNoPriorActivity()
               .when(new ReceiveParcelCommand("p-1", TENANT, "A-301", "PARCEL", "中通快递 纸箱 约40cm", "中通 快递员 李",
                       "前台 寄存柜 2", "desk", RECEIVED))
               .expectEvents(received(), stored());
    }

    @Test
    @DisplayName("D17 a parcel still held may be moved, each move a step of its chain of custody")
    void movedWhileHeld() {
        fixture.given(received(), stored())
               .when(new StoreParcelCommand("p-1", "客服部 库房", "night", RECEIVED.plusSeconds(600)))
               .expectEvents(new ParcelStoredEvent("p-1", "客服部 库房", "night", RECEIVED.plusSeconds(600)));
    }

    @Test
    @DisplayName("D17 a parcel is handed over against a signature: who collected it, for which tenant, the note")
    void handedOverAgainstASignature() {
        fixture.given(received(), stored())
               .when(new HandOverParcelCommand("p-1", TENANT, "店员 Ольга", "签名 / подпись, 工牌 A-301-2", "evening",
                       RECEIVED.plusSeconds(7200)))
               .expectEvents(handedOver());
    }

    @Test
    @DisplayName("D17 a parcel is handed over only for the tenant it was received for")
    void onlyForItsTenant() {
        fixture.given(received(), stored())
               .when(new HandOverParcelCommand("p-1", "B-105 茶叶店", "店员 王", "签名", "evening",
                       RECEIVED.plusSeconds(7200)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(allOf(containsString(TENANT), containsString("B-105 茶叶店")));
    }

    @Test
    @DisplayName("D17 a parcel is handed over once: neither handed over again nor moved afterwards")
    void handedOverOnce() {
        fixture.given(received(), stored(), handedOver())
               .when(new HandOverParcelCommand("p-1", TENANT, "店员 Ольга", "签名", "evening",
                       RECEIVED.plusSeconds(9000)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("handed over already"));
        fixture.given(received(), stored(), handedOver())
               .when(new StoreParcelCommand("p-1", "客服部 库房", "night", RECEIVED.plusSeconds(9000)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(containsString("handed over already"));
    }
}
