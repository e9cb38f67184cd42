package io.sagaref.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sagaref.testsupport.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.sagaref.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainIsPlainJava = ArchitectureRules.domainIsPlainJava("io.sagaref.order");

	@ArchTest
	static final ArchRule adaptersAreIndependent = ArchitectureRules.adaptersAreIndependent("io.sagaref.order");

	@ArchTest
	static final ArchRule listenersDoNotUseTheWebAdapter = noClasses().that()
		.resideInAPackage("io.sagaref.order.messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.sagaref.order.web..");

	@ArchTest
	static final ArchRule useCasesDoNotKnowTheAdapters = noClasses().that()
		.resideInAPackage("io.sagaref.order.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sagaref.order.web..", "io.sagaref.order.messaging..", "io.sagaref.order.persistence..");

}
