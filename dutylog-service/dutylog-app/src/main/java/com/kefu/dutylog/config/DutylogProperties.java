package com.kefu.dutylog.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * @param lostItemRetention  how long an unclaimed lost item is kept before it is disposed of (D9)
 * @param clockSkew          how far ahead of this service's clock a client's "now" may be and still not count as
 *                           the future (occurredAt, foundAt)
 * @param waitingCallsBatch  complaint calls that waited for a shift taken into it per transaction (D11): the desk's
 *                           lock is held for one batch at a time
 * @param shiftTimes         per post, the times of day (mall time, {@code HH:mm}) its shifts are handed over (正点交接,
 *                           篇4 A, D15); a post not named here has no shift times and its handovers are never late
 * @param handoverGrace      how long after its shift time a handover still counts as on time
 * @param repairDepartment   the department a fault found on the lobby's round goes to as a repair order (D16): its
 *                           DEPARTMENT users acknowledge and close it
 */
@ConfigurationProperties("kefu.dutylog")
public record DutylogProperties(Duration lostItemRetention, Duration clockSkew,
                                Integer waitingCallsBatch, Map<String, List<String>> shiftTimes,
                                Duration handoverGrace, String repairDepartment) {

    public DutylogProperties {
        lostItemRetention = lostItemRetention == null ? Duration.ofDays(90) : lostItemRetention;
        clockSkew = clockSkew == null ? Duration.ofMinutes(1) : clockSkew;
        waitingCallsBatch = waitingCallsBatch == null ? 100 : waitingCallsBatch;
        shiftTimes = shiftTimes == null ? Map.of() : Map.copyOf(shiftTimes);
        handoverGrace = handoverGrace == null ? Duration.ofMinutes(15) : handoverGrace;
        repairDepartment = repairDepartment == null || repairDepartment.isBlank() ? "engineering" : repairDepartment;
    }
}
