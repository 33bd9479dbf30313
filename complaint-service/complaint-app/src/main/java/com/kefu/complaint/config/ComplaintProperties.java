package com.kefu.complaint.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param zone the mall's time zone: complaint numbers and reports count months in it */
@ConfigurationProperties("kefu.complaints")
public record ComplaintProperties(ZoneId zone) {

    public ComplaintProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
