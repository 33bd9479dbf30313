package com.kefu.broadcast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** broadcast-service: bilingual broadcast scripts, their approval, the plan and what aired (B1–B7). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BroadcastApplication {

    public static void main(String[] args) {
        SpringApplication.run(BroadcastApplication.class, args);
    }
}
