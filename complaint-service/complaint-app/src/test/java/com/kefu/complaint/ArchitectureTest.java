package com.kefu.complaint;

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
            .importPackages("com.kefu.complaint");

    @Test
    @DisplayName("projections do not reach into the aggregates' internals")
    void queryDoesNotUseCommand() {
        noClasses().that().resideInAPackage("com.kefu.complaint.query..")
                .should().dependOnClassesThat().resideInAPackage("com.kefu.complaint.command..")
                .check(classes);
    }

    @Test
    @DisplayName("complaint-service depends on no other service's app module")
    void noOtherServiceInternals() {
        noClasses().that().resideInAPackage("com.kefu.complaint..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.kefu.dutylog..", "com.kefu.broadcast..", "com.kefu.membership.command..",
                        "com.kefu.membership.query..", "com.kefu.membership.web..", "com.kefu.gateway..")
                .check(classes);
    }

    @Test
    @DisplayName("one command path: controllers send no commands, they call an application service in command/")
    void controllersSendNoCommands() {
        noClasses().that().resideInAPackage("com.kefu.complaint.web..")
                .should().dependOnClassesThat().areAssignableTo(Commands.class)
                .orShould().dependOnClassesThat().areAssignableTo(CommandGateway.class)
                .check(classes);
    }
}
