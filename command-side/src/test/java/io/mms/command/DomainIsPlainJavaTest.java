package io.mms.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregates, commands, rejections and events import no framework of the edges. One rule per
 * package, so that a package that is renamed or emptied fails the rule instead of passing it.
 */
class DomainIsPlainJavaTest {

    private static final String[] EDGE_FRAMEWORKS =
            {"org.springframework..", "com.mongodb..", "org.bson..", "graphql.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.mms.command", "io.mms.events");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "io.mms.command.customer",
            "io.mms.command.campaign",
            "io.mms.command.delivery",
            "io.mms.command.segment",
            "io.mms.command.rejection",
            "io.mms.events.audience",
            "io.mms.events.."})
    void domainPackageDependsOnNoEdgeFramework(String domainPackage) {
        plainJava(domainPackage).check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "io.mms.command.customer.web",
            "io.mms.command.customer.jdbc",
            "io.mms.command.campaign.web",
            "io.mms.command.segment.web",
            "io.mms.command.delivery.channels",
            "io.mms.command.delivery.process",
            "io.mms.command.delivery.web"})
    void ruleCatchesTheSpringThatAdaptersUse(String adapterPackage) {
        assertThatThrownBy(() -> plainJava(adapterPackage).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework");
    }

    @Test
    void ruleFailsOnAPackageWithoutClasses() {
        assertThatThrownBy(() -> plainJava("io.mms.command.nosuchfeature").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    private static ArchRule plainJava(String domainPackage) {
        return noClasses().that().resideInAPackage(domainPackage)
                .should().dependOnClassesThat()
                .resideInAnyPackage(EDGE_FRAMEWORKS);
    }
}
