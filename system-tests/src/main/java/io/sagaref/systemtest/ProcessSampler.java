package io.sagaref.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time and memory of the stack's processes, from {@code /proc} (Linux only). The
 * stack is found from its launcher ({@code java -jar local-stack-*-exec.jar}, preferring
 * one started in this directory): its child JVMs are named by their jar (or
 * {@code kafka}), and Postgres is the server whose data directory is under the
 * launcher's, together with its backends. Each group's CPU seconds (utime + stime) are
 * read before and after a phase, and its summed PSS is sampled every second during it,
 * keeping the peak.
 */
final class ProcessSampler implements AutoCloseable {

	/**
	 * One group's figures for a phase.
	 *
	 * @param cpuSeconds CPU seconds used during the phase
	 * @param peakPssMiB the highest PSS sum seen, MiB
	 */
	record Usage(double cpuSeconds, double peakPssMiB) {
	}

	/**
	 * The benchmark's own JVM: it shares the cores with the stack, so its cost is shown,
	 * but it is not part of the system's CPU per saga.
	 */
	static final String DRIVER = "benchmark driver (not in total)";

	private static final double TICKS_PER_SECOND = 100.0;

	private final Map<String, Long> startTicks = new ConcurrentHashMap<>();

	private final Map<String, Long> peakPssKiB = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread sampler;

	/**
	 * @return the stack's processes by group name; empty if no stack is found
	 */
	static Map<String, List<Long>> groups() {
		Map<String, List<Long>> groups = new LinkedHashMap<>();
		List<long[]> all = new ArrayList<>();
		Map<Long, String> args = new LinkedHashMap<>();
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			entries.filter((p) -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach((p) -> {
				long pid = Long.parseLong(p.getFileName().toString());
				String cmd = read(p.resolve("cmdline")).replace('\0', ' ').trim();
				String[] stat = stat(pid);
				if (!cmd.isEmpty() && stat != null) {
					args.put(pid, cmd);
					all.add(new long[] { pid, Long.parseLong(stat[1]) });
				}
			});
		}
		catch (IOException ex) {
			return groups;
		}
		String here = System.getProperty("user.dir");
		Long launcher = args.entrySet()
			.stream()
			.filter((e) -> e.getValue().matches(".*-jar \\S*local-stack-\\S*-exec\\.jar.*"))
			.map(Map.Entry::getKey)
			.sorted((a, b) -> Boolean.compare(!cwd(a).equals(here), !cwd(b).equals(here)))
			.findFirst()
			.orElse(null);
		if (launcher == null) {
			return groups;
		}
		String root = cwd(launcher);
		groups.computeIfAbsent("local-stack launcher", (g) -> new ArrayList<>()).add(launcher);
		Long postgres = null;
		for (long[] process : all) {
			String cmd = args.get(process[0]);
			if (process[1] == launcher) {
				String name = cmd.contains("KafkaNode") ? "kafka" : jarName(cmd);
				groups.computeIfAbsent(name, (g) -> new ArrayList<>()).add(process[0]);
			}
			else if (cmd.matches("\\S*/postgres -D " + java.util.regex.Pattern.quote(root) + "/.*")) {
				postgres = process[0];
			}
		}
		if (postgres != null) {
			List<Long> pg = groups.computeIfAbsent("postgres", (g) -> new ArrayList<>());
			pg.add(postgres);
			for (long[] process : all) {
				if (process[1] == postgres) {
					pg.add(process[0]);
				}
			}
		}
		groups.put(DRIVER, List.of(ProcessHandle.current().pid()));
		return groups;
	}

	/** Reads every group's CPU time and starts sampling PSS every second. */
	void start() {
		groups().forEach((name, pids) -> this.startTicks.put(name, ticks(pids)));
		this.running = true;
		this.sampler = Thread.ofPlatform().daemon().name("pss-sampler").start(() -> {
			while (this.running) {
				samplePss();
				try {
					Thread.sleep(1_000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	/**
	 * Stops sampling.
	 * @return each group's CPU seconds since {@link #start()} and peak PSS
	 */
	Map<String, Usage> stop() {
		this.running = false;
		this.sampler.interrupt();
		samplePss();
		Map<String, Usage> usage = new LinkedHashMap<>();
		groups().forEach((name, pids) -> {
			long used = ticks(pids) - this.startTicks.getOrDefault(name, 0L);
			usage.put(name,
					new Usage(Math.max(0, used) / TICKS_PER_SECOND, this.peakPssKiB.getOrDefault(name, 0L) / 1024.0));
		});
		return usage;
	}

	@Override
	public void close() {
		this.running = false;
		if (this.sampler != null) {
			this.sampler.interrupt();
		}
	}

	private void samplePss() {
		groups().forEach((name, pids) -> {
			long pss = 0;
			for (long pid : pids) {
				for (String line : read(Path.of("/proc", Long.toString(pid), "smaps_rollup")).split("\n")) {
					if (line.startsWith("Pss:")) {
						pss += Long.parseLong(line.replaceAll("\\D", ""));
					}
				}
			}
			this.peakPssKiB.merge(name, pss, Math::max);
		});
	}

	/** Utime + stime of live processes; a backend that exits takes its ticks along. */
	private static long ticks(List<Long> pids) {
		long ticks = 0;
		for (long pid : pids) {
			String[] stat = stat(pid);
			if (stat != null) {
				ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
			}
		}
		return ticks;
	}

	/**
	 * @return the fields of /proc/pid/stat after the command: state, ppid, ...
	 */
	private static String[] stat(long pid) {
		String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
		int end = stat.lastIndexOf(')');
		return (end < 0) ? null : stat.substring(end + 2).trim().split(" ");
	}

	private static String jarName(String cmd) {
		java.util.regex.Matcher jar = java.util.regex.Pattern.compile("-jar \\S*/([a-z-]+?)-\\d\\S*\\.jar")
			.matcher(cmd);
		return jar.find() ? jar.group(1) : "other";
	}

	private static String cwd(long pid) {
		try {
			return Path.of("/proc", Long.toString(pid), "cwd").toRealPath().toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

}
