package com.kefu.membership.event;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import static com.kefu.platform.contracts.PersonalData.Kind.PHONE;

/**
 * The member's phone in clear. Kept in its own event that is never published, so that the topic only ever
 * carries the masked phone (S1) and the clear one can later be made erasable on its own (S3).
 */
public record MemberContactRecordedEvent(@DataSubject String memberId, @PersonalData(PHONE) String phone) {
}
