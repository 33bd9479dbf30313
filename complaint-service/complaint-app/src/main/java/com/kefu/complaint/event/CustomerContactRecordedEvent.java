package com.kefu.complaint.event;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import static com.kefu.platform.contracts.PersonalData.Kind.PHONE;

/**
 * The customer's contact in clear. Kept in its own event that is never published, so that the topic only
 * ever carries the masked contact (S1); encrypted in the event store and erasable (S3). For an enquiry
 * {@code complaintId} is the enquiry's id.
 */
public record CustomerContactRecordedEvent(@DataSubject String complaintId, @PersonalData(PHONE) String phone) {
}
