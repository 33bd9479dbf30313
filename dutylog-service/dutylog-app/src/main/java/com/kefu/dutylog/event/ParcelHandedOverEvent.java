package com.kefu.dutylog.event;

import com.kefu.dutylog.event.ParcelHandedOverEvent.Signature;
import com.kefu.platform.contracts.DataSubject;
import com.kefu.platform.contracts.PersonalData;

import java.time.Instant;

import static com.kefu.platform.contracts.PersonalData.Kind.DOCUMENT;

/**
 * The parcel was handed over, still closed, against the collector's signature (D17): who collected it for which
 * tenant, and the identity or signature note; {@code handedOverBy} handed it over.
 */
public record ParcelHandedOverEvent(@DataSubject String parcelId, String tenant, Signature signature,
                                    String handedOverBy, Instant handedOverAt) {

    /** Who signed for it, and what identified them or what they signed (e.g. "签名 / подпись, 工牌 A-301"). */
    public record Signature(@PersonalData String collectedBy, @PersonalData(DOCUMENT) String note) {
    }
}
