package com.kefu.membership.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param zone the mall's time zone: campaigns run on its days */
@ConfigurationProperties("kefu.membership")
public record MembershipProperties(ZoneId zone) {

    public MembershipProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
