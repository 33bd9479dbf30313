package com.kefu.platform.test;

import com.kefu.platform.axon.Commands;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape every service keeps, one rule set for all of them (each service's {@code ArchitectureTest} applies it to
 * its own classes): {@code web} → {@code command} (application services, aggregates) and {@code query} (read models);
 * neither of those two reaches into the other; another service only through its published {@code api} package.
 */
public final class ArchitectureRules {

    private final String service;
    private final JavaClasses classes;

    private ArchitectureRules(String service) {
        this.service = service;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.kefu." + service);
    }

    /** The rules over {@code com.kefu.<service>} ({@code complaint}, {@code dutylog}, …), without its tests. */
    public static ArchitectureRules of(String service) {
        return new ArchitectureRules(service);
    }

    /** Projections do not reach into the aggregates' internals. */
    public void queryDoesNotUseCommand() {
        noClasses().that().resideInAPackage(own("query"))
                .should().dependOnClassesThat().resideInAPackage(own("command"))
                .check(classes);
    }

    /**
     * The command side decides on the event store and its aggregates, never on a read model that may lag behind it;
     * {@code keptInTransaction} names the views that may be read all the same, because a subscribing processor keeps
     * them in the command's own transaction (the service's configuration says so for each, with the reason).
     */
    public void commandDoesNotReadViews(Class<?>... keptInTransaction) {
        Set<String> allowed = Set.of(java.util.Arrays.stream(keptInTransaction).map(Class::getName)
                .toArray(String[]::new));
        noClasses().that().resideInAPackage(own("command"))
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                        "reside in " + own("query") + " and are not views kept in the command's transaction "
                                + allowed) {
                    @Override
                    public boolean test(JavaClass target) {
                        return target.getPackageName().startsWith("com.kefu." + service + ".query")
                                && !allowed.contains(outermost(target).getName());
                    }
                })
                .check(classes);
    }

    /** One command path: controllers send no commands, they call an application service in {@code command/}. */
    public void controllersSendNoCommands() {
        noClasses().that().resideInAPackage(own("web"))
                .should().dependOnClassesThat().areAssignableTo(Commands.class)
                .orShould().dependOnClassesThat().areAssignableTo(CommandGateway.class)
                .check(classes);
    }

    /** Another service only through its published contracts ({@code com.kefu.<other>.api}), never the gateway. */
    public void otherServicesOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage("com.kefu." + service + "..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                        "belong to another service's app module or to the gateway") {
                    @Override
                    public boolean test(JavaClass target) {
                        String name = target.getPackageName();
                        if (!name.startsWith("com.kefu.") || name.startsWith("com.kefu.platform")
                                || name.startsWith("com.kefu." + service)) {
                            return false;
                        }
                        String[] parts = name.split("\\.");
                        return parts.length < 4 || !parts[3].equals("api");
                    }
                })
                .check(classes);
    }

    /** All of the above, with no view exempted. */
    public void checkAll() {
        queryDoesNotUseCommand();
        commandDoesNotReadViews();
        controllersSendNoCommands();
        otherServicesOnlyThroughTheirApi();
    }

    private String own(String layer) {
        return "com.kefu." + service + "." + layer + "..";
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
