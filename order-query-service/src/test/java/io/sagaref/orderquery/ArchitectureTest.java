package io.sagaref.orderquery;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.sagaref.orderquery.application.OrderProjection;
import io.sagaref.orderquery.application.ReadModelRebuilder;
import io.sagaref.orderquery.application.ViewChanges;
import io.sagaref.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

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
	 * event in a use case, never from a controller or the listener directly. Folding in
	 * memory (the in-memory views, a view as of an instant) writes nothing.
	 */
	@Test
	void onlyUseCasesFoldEventsIntoViews() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".application..", ROOT + ".persistence..", ROOT)
			.should()
			.callMethod(OrderView.class, "apply", RecordedEvent.class)
			.check(CLASSES);
	}

	/**
	 * Views are stored by one piece of code, {@code ViewFolding}, which two writers use:
	 * the projection, the only writer of the live tables, and the rebuild, which writes
	 * only its shadow tables (it holds no store of live views: its only one comes from
	 * {@link ViewTables#shadow()}).
	 */
	@Test
	void theProjectionWritesTheLiveViewsAndTheRebuildOnlyItsShadow() {
		noClasses().that()
			.doNotHaveSimpleName("ViewFolding")
			.should()
			.callMethod(OrderViews.class, "saveAll", java.util.Collection.class, List.class)
			.check(CLASSES);
		classes().that()
			.haveSimpleName("ViewFolding")
			.should()
			.onlyHaveDependentClassesThat()
			.haveNameMatching(".*\\.application\\.(OrderProjection|ReadModelRebuilder|ViewFolding)(\\$.*)?")
			.check(CLASSES);
		noFields().that().areDeclaredIn(ReadModelRebuilder.class).should().haveRawType(OrderViews.class).check(CLASSES);
	}

	/**
	 * A replay says nothing: the rebuild does not go through the projection or wake
	 * waiting queries, and in messaging only the listener feeds the projection; the
	 * direct readers of the topics (a rebuild's replay, the in-memory views' feed) do
	 * not.
	 */
	@Test
	void replayingTheTopicsHasNoSideEffects() {
		noClasses().that()
			.areAssignableTo(ReadModelRebuilder.class)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(OrderProjection.class)
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(ViewChanges.class)
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage(ROOT + ".messaging")
			.and()
			.doNotHaveSimpleName("SagaEventListener")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(OrderProjection.class)
			.check(CLASSES);
	}

}
