package com.kefu.broadcast;

import com.kefu.platform.axon.Commands;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.kefu.broadcast");

    @Test
    @DisplayName("projections do not reach into the aggregates' internals")
    void queryDoesNotUseCommand() {
        noClasses().that().resideInAPackage("com.kefu.broadcast.query..")
                .should().dependOnClassesThat().resideInAPackage("com.kefu.broadcast.command..")
                .check(classes);
    }

    @Test
    @DisplayName("broadcast-service depends on no other service's app module, only on dutylog-api")
    void noOtherServiceInternals() {
        noClasses().that().resideInAPackage("com.kefu.broadcast..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.kefu.complaint..", "com.kefu.membership..", "com.kefu.dutylog.command..",
                        "com.kefu.dutylog.query..", "com.kefu.dutylog.web..", "com.kefu.dutylog.event..",
                        "com.kefu.dutylog.messaging..", "com.kefu.gateway..")
                .check(classes);
    }

    @Test
    @DisplayName("one command path: controllers send no commands, they call an application service in command/")
    void controllersSendNoCommands() {
        noClasses().that().resideInAPackage("com.kefu.broadcast.web..")
                .should().dependOnClassesThat().areAssignableTo(Commands.class)
                .orShould().dependOnClassesThat().areAssignableTo(CommandGateway.class)
                .check(classes);
    }
}
