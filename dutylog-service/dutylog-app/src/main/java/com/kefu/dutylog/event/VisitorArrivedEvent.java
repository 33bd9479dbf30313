package com.kefu.dutylog.event;

import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import java.time.Instant;

/**
 * A visitor signed in at the desk (D18, 第三章二 5): who came, to see whom (a tenant or an office), the badge they were
 * given, when, and who signed them in. The name is personal data: encrypted in the store, erasable.
 */
public record VisitorArrivedEvent(@DataSubject String visitId, @PersonalData String name, String visiting,
                                  String badge, String signedInBy, Instant arrivedAt) {
}
