package io.sagaref.orderquery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sagaref.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private static final String ROOT = "io.sagaref.orderquery";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void domainIsPlainJava() {
		// The bootstrap class sits at the root by Spring Boot convention; it is
		// configuration, not domain.
		ArchitectureRules.domainIsPlainJava(ROOT).check(CLASSES.that(not(belongToAnyOf(OrderQueryApplication.class))));
	}

	@Test
	void adaptersAreIndependent() {
		ArchitectureRules.adaptersAreIndependent(ROOT).check(CLASSES);
	}

	@Test
	void adaptersReachTheModelOnlyThroughTheApplicationLayer() {
		noClasses().that()
			.resideInAnyPackage(ROOT + ".web..", ROOT + ".messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".persistence..")
			.check(CLASSES);
	}

	@Test
	void onlyTheProjectionWritesViews() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".application..", ROOT + ".persistence..", ROOT)
			.should()
			.callMethod(OrderView.class, "apply", RecordedEvent.class)
			.check(CLASSES);
	}

}
