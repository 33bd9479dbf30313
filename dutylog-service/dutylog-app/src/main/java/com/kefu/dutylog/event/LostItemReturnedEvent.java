package com.kefu.dutylog.event;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import java.time.Instant;

import static com.kefu.platform.contracts.PersonalData.Kind.DOCUMENT;

/** The item was handed back to its owner after their identity was checked (D9); {@code returnedBy} handed it. */
public record LostItemReturnedEvent(@DataSubject String itemId, @PersonalData String claimant,
                                    @PersonalData(DOCUMENT) String identityDocument, String returnedBy,
                                    Instant returnedAt) {
}
