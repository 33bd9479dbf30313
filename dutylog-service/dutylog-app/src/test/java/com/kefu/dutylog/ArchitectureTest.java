package com.kefu.dutylog;

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
            .importPackages("com.kefu.dutylog");

    @Test
    @DisplayName("projections do not reach into the aggregates' internals")
    void queryDoesNotUseCommand() {
        noClasses().that().resideInAPackage("com.kefu.dutylog.query..")
                .should().dependOnClassesThat().resideInAPackage("com.kefu.dutylog.command..")
                .check(classes);
    }

    @Test
    @DisplayName("dutylog-service uses only complaint-service's published api, no other app module")
    void onlyOtherServicesApis() {
        noClasses().that().resideInAPackage("com.kefu.dutylog..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.kefu.complaint.command..", "com.kefu.complaint.query..", "com.kefu.complaint.web..",
                        "com.kefu.broadcast..", "com.kefu.membership..", "com.kefu.gateway..")
                .check(classes);
    }

    @Test
    @DisplayName("one command path: controllers send no commands, they call an application service in command/")
    void controllersSendNoCommands() {
        noClasses().that().resideInAPackage("com.kefu.dutylog.web..")
                .should().dependOnClassesThat().areAssignableTo(Commands.class)
                .orShould().dependOnClassesThat().areAssignableTo(CommandGateway.class)
                .check(classes);
    }
}
