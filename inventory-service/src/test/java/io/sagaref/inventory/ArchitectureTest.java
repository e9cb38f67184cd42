package io.sagaref.inventory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sagaref.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	private static final String ROOT = "io.sagaref.inventory";

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
	}

	@Test
	void useCasesDoNotKnowTheirAdapters() {
		ArchitectureRules.useCasesDoNotKnowTheirAdapters(ROOT).check(this.classes);
	}

}
