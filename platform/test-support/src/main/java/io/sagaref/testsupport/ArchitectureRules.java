package io.sagaref.testsupport;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house dependency rules, as ArchUnit rules every service checks against its own
 * packages.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	/**
	 * Domain types (the service's root package) are plain Java: no Spring, no Kafka, no
	 * web or messaging adapters. JPA mapping annotations are tolerated as metadata.
	 * @param rootPackage the service's root package, e.g. {@code io.sagaref.payment}
	 * @return the rule
	 */
	public static ArchRule domainIsPlainJava(String rootPackage) {
		return noClasses().that()
			.resideInAPackage(rootPackage)
			.and()
			.areNotAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
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
			.resideInAnyPackage(rootPackage + ".web..", rootPackage + ".messaging..", rootPackage + ".persistence..",
					rootPackage + ".boot..")
			.as("use cases of " + rootPackage + " do not know their adapters");
	}

}
