package com.kefu.complaint.event;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import static com.kefu.platform.contracts.PersonalData.Kind.PHONE;

/**
 * The customer's contact in clear, as complaints and enquiries registered before 2026-12-07 keep it: in an event of
 * its own, never published (S1), encrypted in the event store and erasable (S3). Since then the registration keeps it
 * ({@code ComplaintReceivedEvent.customerPhone}, not published either): one event row per registration instead of two.
 * Nothing records it any more; it stays to read those histories. For an enquiry {@code complaintId} is the enquiry's id.
 */
public record CustomerContactRecordedEvent(@DataSubject String complaintId, @PersonalData(PHONE) String phone) {
}
