package com.kefu.dutylog.event;

import java.time.Instant;

/**
 * Mail or a parcel was received at the desk for a tenant (D17, 篇2 G): who delivered it, for which tenant (and shop,
 * if any), what it is as seen from the outside (the desk never opens it), who received it and when.
 */
public record ParcelReceivedEvent(String parcelId, String tenant, String shop, String kind, String outside,
                                  String deliveredBy, String receivedBy, Instant receivedAt) {
}
