package dev.chatdirectory.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The house rules of DESIGN.md, checked on the compiled classes of every module (this module's
 * class path holds them all), and shown to catch violations on the fixtures in {@code archfixture}.
 */
@DisplayName("The house rules")
class ArchitectureTest {

    /** Packages of the libraries that must not leak into a public API. */
    private static final String[] FRAMEWORKS = {
        "com.google.inject..", "feign..", "com.fasterxml.jackson..", "com.google.common.."
    };

    /** Words that name a vendor, as they appear in names and strings (lower case). */
    private static final List<String> VENDOR_NAMES = List.of("atomchat", "cometchat", "cometondemand", "qiscus");

    private static final String FIXTURES = "dev.chatdirectory.cli.archfixture";

    private static JavaClasses production;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.chatdirectory");
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
    }

    /** No Guice, Feign, Jackson or Guava type in a public signature of the given packages. */
    static ArchRule noFrameworkTypeInPublicSignatures(String... packages) {
        return classes()
                .that()
                .resideInAnyPackage(packages)
                .and()
                .arePublic()
                .should(exposeNoFrameworkType())
                .because("users switch vendors without meeting Guice, Feign, Jackson or Guava (DESIGN.md)");
    }

    /** A provider's .internal package never depends on its root package. */
    static ArchRule internalNeverUsesRoot(String providers) {
        return noClasses()
                .that()
                .resideInAPackage(providers + ".*.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(providers + ".*")
                .because(
                        "the root package is the provider's public face; internal wiring gets what it needs passed in");
    }

    /** Shared HTTP code names no vendor: not in a dependency, a type or member name, or a string. */
    static ArchRule vendorNeutral(String packages) {
        return classes()
                .that()
                .resideInAPackage(packages)
                .should(nameNoVendor())
                .because("what one vendor needs is declared by its provider, not listed in shared code");
    }

    /** One @Inject flavour: jakarta.inject. */
    static ArchRule jakartaInjectOnly() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.google.inject.Inject")
                .because("every adapter injects the same way: jakarta.inject.Inject");
    }

    @Nested
    @DisplayName("hold for the production classes")
    class Production {

        @Test
        @DisplayName("no Guice, Feign, Jackson or Guava type in a public signature of api or a provider's root package")
        void publicSignatures() {
            noFrameworkTypeInPublicSignatures(
                            "dev.chatdirectory",
                            "dev.chatdirectory.model",
                            "dev.chatdirectory.spi",
                            "dev.chatdirectory.provider.*")
                    .check(production);
        }

        @Test
        @DisplayName("a provider's .internal package never imports its root package")
        void internalNeverUsesRoot() {
            ArchitectureTest.internalNeverUsesRoot("dev.chatdirectory.provider").check(production);
        }

        @Test
        @DisplayName("http-support names no vendor")
        void httpSupportVendorNeutral() {
            vendorNeutral("dev.chatdirectory.http..").check(production);
        }

        @Test
        @DisplayName("every class injects with jakarta.inject.Inject")
        void jakartaInject() {
            jakartaInjectOnly().check(production);
        }
    }

    @Nested
    @DisplayName("catch deliberate violations")
    class Violations {

        @Test
        @DisplayName("a Guice Module returned by a public method of a provider's root package")
        void publicSignatures() {
            assertThatThrownBy(() -> noFrameworkTypeInPublicSignatures(FIXTURES + ".provider.*")
                            .check(fixtures))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("LeakyProvider.module()")
                    .hasMessageContaining("com.google.inject.Module");
        }

        @Test
        @DisplayName("an internal class using its provider's root class")
        void internalNeverUsesRoot() {
            assertThatThrownBy(() -> ArchitectureTest.internalNeverUsesRoot(FIXTURES + ".provider")
                            .check(fixtures))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("LeakyModule")
                    .hasMessageContaining("LeakyProvider");
        }

        @Test
        @DisplayName("a vendor's header name in shared HTTP code")
        void vendorNeutral() {
            assertThatThrownBy(() ->
                            ArchitectureTest.vendorNeutral(FIXTURES + ".http..").check(fixtures))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("VendorHeaders")
                    .hasMessageContaining("qiscus");
        }

        @Test
        @DisplayName("Guice's @Inject")
        void jakartaInject() {
            assertThatThrownBy(() -> jakartaInjectOnly().check(fixtures))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("LeakyModule")
                    .hasMessageContaining("com.google.inject.Inject");
        }
    }

    private static ArchCondition<JavaClass> exposeNoFrameworkType() {
        DescribedPredicate<JavaClass> framework = JavaClass.Predicates.resideInAnyPackage(FRAMEWORKS);
        return new ArchCondition<>("expose no Guice, Feign, Jackson or Guava type") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Set<JavaClass> supertypes = new LinkedHashSet<>(type.getAllRawSuperclasses());
                supertypes.addAll(type.getAllRawInterfaces());
                for (JavaClass supertype : supertypes) {
                    report(events, type, framework, supertype, type.getName() + " extends or implements");
                }
                List<JavaMember> members = new ArrayList<>();
                members.addAll(type.getAllMethods());
                members.addAll(type.getConstructors());
                members.addAll(type.getAllFields());
                for (JavaMember member : members) {
                    if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                            || member.getOwner().isEquivalentTo(Object.class)) {
                        continue;
                    }
                    for (JavaType involved : signatureTypes(member)) {
                        for (JavaClass raw : involved.getAllInvolvedRawTypes()) {
                            report(events, type, framework, raw, member.getFullName() + " of " + type.getName());
                        }
                    }
                }
            }
        };
    }

    private static List<JavaType> signatureTypes(JavaMember member) {
        List<JavaType> types = new ArrayList<>();
        if (member instanceof JavaCodeUnit code) {
            types.add(code.getReturnType());
            types.addAll(code.getParameterTypes());
            code.getThrowsClause().getTypes().forEach(types::add);
        } else if (member instanceof JavaField field) {
            types.add(field.getType());
        }
        return types;
    }

    private static void report(
            ConditionEvents events,
            JavaClass owner,
            DescribedPredicate<JavaClass> framework,
            JavaClass raw,
            String where) {
        if (framework.test(raw)) {
            events.add(SimpleConditionEvent.violated(owner, where + " uses " + raw.getName()));
        }
    }

    private static ArchCondition<JavaClass> nameNoVendor() {
        return new ArchCondition<>("name no vendor") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                // The class file holds every name and string constant the class uses.
                String content = classFile(type).toLowerCase(Locale.ROOT);
                for (String vendor : VENDOR_NAMES) {
                    if (content.contains(vendor)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " names the vendor " + vendor));
                    }
                }
            }
        };
    }

    private static String classFile(JavaClass type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = ArchitectureTest.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
