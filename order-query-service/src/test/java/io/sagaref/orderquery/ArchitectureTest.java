package io.sagaref.orderquery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sagaref.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private static final String ROOT = "io.sagaref.orderquery";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void followsTheHouseShape() {
		ArchitectureRules.service(ROOT).check(CLASSES);
	}

	/**
	 * The read model's own rule beside the house shape: a view changes only by folding an
	 * event in the projection, never from a controller or the listener directly.
	 */
	@Test
	void onlyTheProjectionWritesViews() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".application..", ROOT + ".persistence..", ROOT)
			.should()
			.callMethod(OrderView.class, "apply", RecordedEvent.class)
			.check(CLASSES);
	}

}
