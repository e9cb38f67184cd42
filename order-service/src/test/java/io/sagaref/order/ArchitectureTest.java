package io.sagaref.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sagaref.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.sagaref.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainIsPlainJava = ArchitectureRules.domainIsPlainJava("io.sagaref.order");

	@ArchTest
	static final ArchRule adaptersAreIndependent = ArchitectureRules.adaptersAreIndependent("io.sagaref.order");

	@ArchTest
	static final ArchRule useCasesDoNotKnowTheAdapters = ArchitectureRules
		.useCasesDoNotKnowTheirAdapters("io.sagaref.order");

}
