package com.kefu.dutylog.event;

import com.kefu.platform.privacy.DataSubject;
import com.kefu.platform.privacy.PersonalData;

import java.time.Instant;

import static com.kefu.platform.privacy.PersonalData.Kind.DOCUMENT;

/** The item was handed back to its owner after their identity was checked (D9); {@code returnedBy} handed it. */
public record LostItemReturnedEvent(@DataSubject String itemId, @PersonalData String claimant,
                                    @PersonalData(DOCUMENT) String identityDocument, String returnedBy,
                                    Instant returnedAt) {
}
