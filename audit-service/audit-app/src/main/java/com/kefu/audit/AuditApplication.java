package com.kefu.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * audit-service: the auditors' trail of every service's published events, by actor, subject or type (A2), fed by
 * every topic from offset 0 and rebuilt from them alone. It keeps no event store of its own, so it has no
 * {@code /api/audit/audit/verify}: the stores it would check are the other services'.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
