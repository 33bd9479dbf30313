package com.kefu.complaint.event;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import java.time.Instant;

import static com.kefu.platform.contracts.PersonalData.Kind.PHONE;

/**
 * Someone asked for a tenant's contact; the desk took theirs instead (办公大厦保密制度 4). Kept inside
 * complaint-service: it holds the enquirer's contact, encrypted and erasable.
 */
public record TenantContactRequestedEvent(@DataSubject String requestId, String tenant,
                                          @PersonalData String enquirerName, @PersonalData(PHONE) String enquirerPhone,
                                          String enquirerMaskedPhone, String purpose, String requestedBy,
                                          Instant requestedAt) {
}
