package io.sagaref.payment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sagaref.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private static final String ROOT = "io.sagaref.payment";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void domainIsPlainJava() {
		ArchitectureRules.domainIsPlainJava(ROOT).check(this.classes);
	}

	@Test
	void adaptersAreIndependent() {
		ArchitectureRules.adaptersAreIndependent(ROOT).check(this.classes);
		noClasses().that()
			.resideInAPackage(ROOT + ".messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".web..")
			.check(this.classes);
	}

	@Test
	void useCasesDoNotKnowTheirAdapters() {
		noClasses().that()
			.resideInAPackage(ROOT + ".application..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".web..", ROOT + ".messaging..", ROOT + ".persistence..", ROOT + ".boot..")
			.check(this.classes);
	}

}
