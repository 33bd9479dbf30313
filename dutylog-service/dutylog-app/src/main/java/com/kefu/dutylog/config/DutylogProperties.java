package com.kefu.dutylog.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param zone the mall's time zone: the date of a duty day is counted in it */
@ConfigurationProperties("kefu.dutylog")
public record DutylogProperties(ZoneId zone) {

    public DutylogProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
