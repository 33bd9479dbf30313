package com.kefu.dutylog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** dutylog-service: the duty log, shifts and their handover, incidents, lost and found (D1–D11). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DutylogApplication {

    public static void main(String[] args) {
        SpringApplication.run(DutylogApplication.class, args);
    }
}
