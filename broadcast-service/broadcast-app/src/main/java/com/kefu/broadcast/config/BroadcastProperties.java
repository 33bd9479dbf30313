package com.kefu.broadcast.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param espeak        the espeak-ng program that reads approved scripts out as audio, a name on the PATH or a path;
 *                      where it is not installed, audio answers 503 and everything else works
 * @param speechTimeout how long one rendering may take before it is given up
 */
@ConfigurationProperties("kefu.broadcast")
public record BroadcastProperties(String espeak, Duration speechTimeout) {

    public BroadcastProperties {
        espeak = espeak == null || espeak.isBlank() ? "espeak-ng" : espeak;
        speechTimeout = speechTimeout == null ? Duration.ofSeconds(20) : speechTimeout;
    }
}
