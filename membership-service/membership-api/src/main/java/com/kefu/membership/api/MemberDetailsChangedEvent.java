package com.kefu.membership.api;

import com.kefu.platform.contracts.PublishedEvent;
import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import java.time.Instant;

/** A member's name or phone changed (M1); the phone travels masked (S1). */
@PublishedEvent(type = "MemberDetailsChanged", version = 1)
public record MemberDetailsChangedEvent(@DataSubject String memberId, String cardNumber, @PersonalData String name,
                                        String maskedPhone,
                                        String changedBy, Instant changedAt) {
}
