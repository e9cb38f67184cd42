package io.sagaref.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the phases as a table and writes them as {@code result.json}.
 */
final class BenchmarkReport {

	/**
	 * One finished phase.
	 *
	 * @param stats what the phase saw
	 * @param usage CPU and memory per process group
	 * @param target the arrival rate, or 0 for the burst
	 */
	record Phase(PhaseStats stats, Map<String, ProcessSampler.Usage> usage, int target) {
	}

	private BenchmarkReport() {
	}

	static void print(List<Phase> phases) {
		System.out.println();
		System.out.printf(Locale.ROOT, "%-14s %6s %6s %6s %5s %6s %6s %6s %7s %8s %8s %8s %8s %9s%n", "phase", "sent",
				"202", "503", "err", "term", "t/out", "stuck", "sagas/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
				"cpu/saga");
		for (Phase phase : phases) {
			PhaseStats s = phase.stats();
			System.out.printf(Locale.ROOT, "%-14s %6d %6d %6d %5d %6d %6d %6d %7.1f %8.0f %8.0f %8.0f %8.0f %7.1fms%n",
					s.name, s.sent.get(), s.accepted.get(), s.refused.get(), s.errors.get(), s.terminal.get(),
					s.timedOut(), s.stuck, s.sagasPerSecond(), ms(s.latency, 50), ms(s.latency, 90), ms(s.latency, 99),
					s.latency.getMaxValue() / 1000.0, cpuMsPerSaga(phase, null));
		}
		for (Phase phase : phases) {
			PhaseStats s = phase.stats();
			System.out.printf(Locale.ROOT, "%n[%s] outcomes %s, unexpected %d, errors %s, latest send %.1f ms late%n",
					s.name, s.outcomes, s.unexpected.get(), s.errorStatuses, s.lateSendMicros.get() / 1000.0);
			System.out.printf(Locale.ROOT, "  observer: %d status long-polls, %d view reads, %d failed%n",
					s.statusPolls.get(), s.viewReads.get(), s.observerFailures.get());
			System.out.printf(Locale.ROOT, "  %-58s %7s %8s %8s %8s%n", "step (from the view's timeline)", "count",
					"p50 ms", "p99 ms", "max ms");
			s.sortedStages()
				.forEach((name, h) -> System.out.printf(Locale.ROOT, "  %-58s %7d %8.1f %8.1f %8.1f%n", name,
						h.getTotalCount(), ms(h, 50), ms(h, 99), h.getMaxValue() / 1000.0));
			System.out.printf(Locale.ROOT, "  %-32s %10s %12s %10s%n", "process", "cpu s", "cpu ms/saga", "peak PSS");
			phase.usage()
				.forEach((group, u) -> System.out.printf(Locale.ROOT, "  %-32s %10.1f %12.1f %7.0f MiB%n", group,
						u.cpuSeconds(), cpuMsPerSaga(phase, group), u.peakPssMiB()));
		}
	}

	static Map<String, Object> json(List<Phase> phases, Map<String, Object> run) {
		Map<String, Object> root = new LinkedHashMap<>(run);
		root.put("phases", phases.stream().map(BenchmarkReport::phaseJson).toList());
		return root;
	}

	static void write(Path file, Map<String, Object> json) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file,
					JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> phaseJson(Phase phase) {
		PhaseStats s = phase.stats();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", s.name);
		json.put("targetRate", phase.target());
		json.put("sent", s.sent.get());
		json.put("accepted", s.accepted.get());
		json.put("refused", s.refused.get());
		json.put("errors", s.errors.get());
		json.put("errorStatuses", s.errorStatuses);
		json.put("terminal", s.terminal.get());
		json.put("outcomes", s.outcomes);
		json.put("timedOut", s.timedOut());
		json.put("unexpectedOutcomes", s.unexpected.get());
		json.put("stuck", s.stuck);
		json.put("elapsedSeconds", s.elapsedSeconds());
		json.put("sagasPerSecond", s.sagasPerSecond());
		json.put("latestSendMs", s.lateSendMicros.get() / 1000.0);
		json.put("observerStatusPolls", s.statusPolls.get());
		json.put("observerViewReads", s.viewReads.get());
		json.put("observerFailures", s.observerFailures.get());
		json.put("latencyMs", histogram(s.latency));
		Map<String, Object> stages = new LinkedHashMap<>();
		s.sortedStages().forEach((name, h) -> stages.put(name, histogram(h)));
		json.put("stagesMs", stages);
		Map<String, Object> processes = new LinkedHashMap<>();
		phase.usage().forEach((group, u) -> {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("cpuSeconds", u.cpuSeconds());
			p.put("cpuMsPerSaga", cpuMsPerSaga(phase, group));
			p.put("peakPssMiB", u.peakPssMiB());
			processes.put(group, p);
		});
		json.put("processes", processes);
		json.put("cpuMsPerSagaTotal", cpuMsPerSaga(phase, null));
		return json;
	}

	private static Map<String, Object> histogram(Histogram h) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("count", h.getTotalCount());
		for (double p : new double[] { 50, 90, 99, 99.9 }) {
			json.put("p" + (p == 99.9 ? "99.9" : Integer.toString((int) p)), ms(h, p));
		}
		json.put("max", h.getMaxValue() / 1000.0);
		json.put("mean", h.getMean() / 1000.0);
		return json;
	}

	/**
	 * @param group a process group, or null for all
	 * @return CPU ms per terminal order
	 */
	static double cpuMsPerSaga(Phase phase, String group) {
		long terminal = phase.stats().terminal.get();
		if (terminal == 0) {
			return 0;
		}
		double seconds = phase.usage()
			.entrySet()
			.stream()
			.filter((e) -> (group == null) ? !e.getKey().equals(ProcessSampler.DRIVER) : e.getKey().equals(group))
			.mapToDouble((e) -> e.getValue().cpuSeconds())
			.sum();
		return seconds * 1000 / terminal;
	}

	static double ms(Histogram h, double percentile) {
		return (h.getTotalCount() == 0) ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
	}

}
