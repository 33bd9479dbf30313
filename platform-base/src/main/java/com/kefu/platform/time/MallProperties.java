package com.kefu.platform.time;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param zone the mall's time zone ({@code kefu.mall.zone}): every service and the gateway count their days in it */
@ConfigurationProperties("kefu.mall")
public record MallProperties(ZoneId zone) {

    /** The mall's zone where {@code kefu.mall.zone} names none: the one place it is written. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public MallProperties {
        zone = zone == null ? DEFAULT_ZONE : zone;
    }
}
