package io.atspro;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;
import io.atspro.shared.InProcessJobsDisabled;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.scheduler.Scheduled;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** Package by feature, enforced: features meet through public services and events, never repositories. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.atspro");

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnFeature() {
        classes().that().areAssignableTo(PanacheRepositoryBase.class)
                .should(beOnlyAccessedFromTheirOwnPackage())
                .andShould().notBePublic()
                .check(MAIN);
    }

    @Test
    void resourcesCallServicesNotRepositories() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAssignableTo(PanacheRepositoryBase.class)
                .check(MAIN);
    }

    @Test
    void onlyStorageTalksToS3() {
        noClasses().that().resideOutsideOfPackage("io.atspro.storage..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(MAIN);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.atspro.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sharedDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.atspro.shared..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.atspro..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.atspro.shared.."))))
                .check(MAIN);
    }

    /** Keep-alive ticks, not jobs: they keep this pod's connections working and have no admin trigger. */
    private static final java.util.Set<String> KEEP_ALIVES = java.util.Set.of(
            "io.atspro.notification.LiveHub.heartbeat", "io.atspro.identity.IdentityBus.maintain");

    @Test
    void everyPeriodicJobObeysTheInProcessSwitch() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .and(DescribedPredicate.describe("are not keep-alive ticks",
                        (JavaMethod m) -> !KEEP_ALIVES.contains(m.getOwner().getName() + "." + m.getName())))
                .should(skipWhenInProcessJobsAreOff())
                .check(MAIN);
    }

    private static ArchCondition<JavaMethod> skipWhenInProcessJobsAreOff() {
        return new ArchCondition<>("be skipped when atspro.jobs.in-process is false") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Object predicate = method.getAnnotationOfType(Scheduled.class.getName()).get("skipExecutionIf")
                        .orElse(null);
                boolean ok = predicate instanceof JavaClass c && c.getName().equals(InProcessJobsDisabled.class.getName());
                if (!ok) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " needs skipExecutionIf = InProcessJobsDisabled.class (or is a keep-alive to list)"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beOnlyAccessedFromTheirOwnPackage() {
        return new ArchCondition<>("be accessed only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                repository.getAccessesToSelf().stream()
                        .filter(access -> !access.getOriginOwner().getPackageName().equals(repository.getPackageName()))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription())));
            }
        };
    }
}
