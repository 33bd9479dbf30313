package com.kefu.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A production start without its settings reported as Spring Boot reports a failed start: what, and what to do. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<ProductionSettings.MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ProductionSettings.MissingSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), "Give each setting named (an environment variable, or a file "
                + "imported with SPRING_CONFIG_IMPORT), or run the local profile for development.", cause);
    }
}
