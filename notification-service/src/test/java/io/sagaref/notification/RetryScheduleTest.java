package io.sagaref.notification;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

	private final RetrySchedule schedule = new RetrySchedule(
			List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)), 0.2);

	@Test
	void waitsLongerAfterEachFailure() {
		assertThat(this.schedule.nextWait(1, () -> 0.5)).contains(Duration.ofSeconds(5));
		assertThat(this.schedule.nextWait(2, () -> 0.5)).contains(Duration.ofSeconds(30));
		assertThat(this.schedule.nextWait(3, () -> 0.5)).contains(Duration.ofMinutes(2));
	}

	@Test
	void givesUpOnceEveryWaitIsUsed() {
		assertThat(this.schedule.nextWait(4, () -> 0.5)).isEmpty();
	}

	@Test
	void jittersEachWaitByAtMostTheFraction() {
		assertThat(this.schedule.nextWait(1, () -> 0.0)).contains(Duration.ofSeconds(4));
		assertThat(this.schedule.nextWait(1, () -> 0.999999))
			.hasValueSatisfying((wait) -> assertThat(wait).isBetween(Duration.ofMillis(5990), Duration.ofSeconds(6)));
	}

	@Test
	void theDefaultScheduleRetriesForAboutADay() {
		var defaults = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
				Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
				Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8)), 0.2);

		assertThat(defaults.total()).isBetween(Duration.ofHours(23), Duration.ofHours(25));
	}

	@Test
	void refusesAJitterOutsideZeroToOne() {
		assertThatThrownBy(() -> new RetrySchedule(List.of(), 1.5)).isInstanceOf(IllegalArgumentException.class);
	}

}
