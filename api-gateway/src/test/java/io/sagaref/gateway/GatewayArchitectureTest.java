package io.sagaref.gateway;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway has no domain, but keeps the house rules that still apply: every package is
 * null-marked, features do not lean on each other, and no service's code leaks in.
 */
@AnalyzeClasses(packages = "io.sagaref.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

	@ArchTest
	static final ArchRule everyPackageIsNullMarked = classes().that()
		.resideInAPackage("io.sagaref.gateway..")
		.should(resideInANullMarkedPackage());

	@ArchTest
	static final ArchRule compositionDoesNotUseRouting = noClasses().that()
		.resideInAPackage("io.sagaref.gateway.composition..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.sagaref.gateway.routing..");

	@ArchTest
	static final ArchRule routingDoesNotUseComposition = noClasses().that()
		.resideInAPackage("io.sagaref.gateway.routing..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.sagaref.gateway.composition..");

	@ArchTest
	static final ArchRule stranglerDoesNotUseRoutingOrComposition = noClasses().that()
		.resideInAPackage("io.sagaref.gateway.strangler..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sagaref.gateway.routing..", "io.sagaref.gateway.composition..");

	@ArchTest
	static final ArchRule sharesNoCodeWithTheServices = noClasses().that()
		.resideInAPackage("io.sagaref.gateway..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.sagaref.order..", "io.sagaref.payment..", "io.sagaref.inventory..",
				"io.sagaref.orderquery..", "io.sagaref.legacy..", "io.sagaref.messaging..", "io.sagaref.web..");

	private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
		return new ArchCondition<>("reside in a package whose package-info is @NullMarked") {

			@Override
			public void check(JavaClass item, ConditionEvents events) {
				boolean marked = item.getPackage().isAnnotatedWith(NullMarked.class);
				events.add(new SimpleConditionEvent(item, marked,
						item.getPackageName() + " of " + item.getName() + " has no @NullMarked package-info"));
			}

		};
	}

}
