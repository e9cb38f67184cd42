package io.sagaref.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules of a service's shape, one set for every service: the application class
 * at the root, the domain in the root package as plain Java, use cases in
 * {@code application}, adapters in {@code web}, {@code messaging} and
 * {@code persistence}, and nothing else. Each service checks {@link #service(String)}
 * against its own classes.
 */
public final class ArchitectureRules {

	private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

	private ArchitectureRules() {
	}

	/**
	 * Every rule below, as one rule that reports every violation at once.
	 * @param rootPackage the service's root package, e.g. {@code io.sagaref.payment}
	 * @return the rule
	 */
	public static ArchRule service(String rootPackage) {
		return CompositeArchRule.of(onlyTheHousePackages(rootPackage))
			.and(applicationClassAtTheRoot(rootPackage))
			.and(domainIsPlainJava(rootPackage))
			.and(adaptersAreIndependent(rootPackage))
			.and(useCasesDoNotKnowTheirAdapters(rootPackage))
			.and(adaptersReachDataThroughUseCases(rootPackage))
			.and(controllersAreWebAdapters(rootPackage))
			.and(oneEventListener(rootPackage))
			.and(everyPackageIsNullMarked(rootPackage))
			.as("the house shape of " + rootPackage);
	}

	/**
	 * A service has the root (domain) and four roles below it, and no other package.
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule onlyTheHousePackages(String rootPackage) {
		return classes().that()
			.resideInAPackage(rootPackage + "..")
			.should()
			.resideInAnyPackage(rootPackage, rootPackage + ".application", rootPackage + ".messaging",
					rootPackage + ".persistence", rootPackage + ".web")
			.as("classes of " + rootPackage + " live in the root or in application, messaging, persistence or web");
	}

	/**
	 * The Spring Boot application class sits in the root package, so default component,
	 * entity and repository scanning find the whole service without workarounds.
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule applicationClassAtTheRoot(String rootPackage) {
		return classes().that()
			.areAnnotatedWith(SPRING_BOOT_APPLICATION)
			.should()
			.resideInAPackage(rootPackage)
			.as("the application class of " + rootPackage + " is at its root")
			.allowEmptyShould(true);
	}

	/**
	 * Controllers are web adapters.
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule controllersAreWebAdapters(String rootPackage) {
		return classes().that()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.should()
			.resideInAPackage(rootPackage + ".web")
			.as("controllers of " + rootPackage + " are in its web package")
			.allowEmptyShould(true);
	}

	/**
	 * Every service consumes through one bean, {@code messaging.SagaEventListener}: the
	 * other classes of the messaging package are the records events are read into.
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule oneEventListener(String rootPackage) {
		return classes().that()
			.resideInAPackage(rootPackage + ".messaging")
			.and()
			.areAnnotatedWith("org.springframework.stereotype.Component")
			.should()
			.haveSimpleName("SagaEventListener")
			.as("the event listener of " + rootPackage + " is messaging.SagaEventListener")
			.allowEmptyShould(true);
	}

	/**
	 * Every package says its references are non-null unless marked (JSpecify).
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule everyPackageIsNullMarked(String rootPackage) {
		return classes().that()
			.resideInAPackage(rootPackage + "..")
			.should(resideInANullMarkedPackage())
			.as("every package of " + rootPackage + " is @NullMarked");
	}

	private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
		return new ArchCondition<>("reside in a package whose package-info is @NullMarked") {

			@Override
			public void check(JavaClass item, ConditionEvents events) {
				boolean marked = item.getPackage().isAnnotatedWith("org.jspecify.annotations.NullMarked");
				events.add(new SimpleConditionEvent(item, marked,
						item.getPackageName() + " of " + item.getName() + " has no @NullMarked package-info"));
			}

		};
	}

	/**
	 * Domain types (the service's root package) are plain Java: no Spring, no Kafka, no
	 * JSON mapper, no web or messaging adapters. Mapping annotations are tolerated as
	 * metadata: JPA's, and Jackson's annotations
	 * ({@code com.fasterxml.jackson.annotation}, e.g. {@code @JsonValue} on a value
	 * object that is part of a published event).
	 * @param rootPackage the service's root package, e.g. {@code io.sagaref.payment}
	 * @return the rule
	 */
	public static ArchRule domainIsPlainJava(String rootPackage) {
		return noClasses().that()
			.resideInAPackage(rootPackage)
			.and()
			.areNotAnnotatedWith(SPRING_BOOT_APPLICATION)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", rootPackage + ".web..",
					rootPackage + ".messaging..", "io.sagaref.messaging..", "tools.jackson..")
			.as("domain code in " + rootPackage + " is plain Java");
	}

	/**
	 * Adapters do not call each other: a listener never goes through a controller and
	 * vice versa.
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule adaptersAreIndependent(String rootPackage) {
		return CompositeArchRule
			.of(noClasses().that()
				.resideInAPackage(rootPackage + ".web..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage(rootPackage + ".messaging.."))
			.and(noClasses().that()
				.resideInAPackage(rootPackage + ".messaging..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage(rootPackage + ".web.."))
			.as("web and messaging adapters of " + rootPackage + " do not use each other");
	}

	/**
	 * The web and messaging adapters reach stored data only through the use cases and the
	 * domain's repository interfaces, never through the persistence implementations.
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule adaptersReachDataThroughUseCases(String rootPackage) {
		return noClasses().that()
			.resideInAnyPackage(rootPackage + ".web..", rootPackage + ".messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(rootPackage + ".persistence..")
			.as("web and messaging adapters of " + rootPackage + " do not use its persistence");
	}

	/**
	 * Use cases (the {@code application} package) do not know the adapters that call them
	 * or the persistence that implements the repositories.
	 * @param rootPackage the service's root package
	 * @return the rule
	 */
	public static ArchRule useCasesDoNotKnowTheirAdapters(String rootPackage) {
		return noClasses().that()
			.resideInAPackage(rootPackage + ".application..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(rootPackage + ".web..", rootPackage + ".messaging..", rootPackage + ".persistence..")
			.as("use cases of " + rootPackage + " do not know their adapters");
	}

}
