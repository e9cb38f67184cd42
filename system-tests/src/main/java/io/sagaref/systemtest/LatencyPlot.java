package io.sagaref.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * Writes {@code latency.html}: each phase's latency percentile distribution (x: the
 * percentile on a log scale of 1/(1-p), y: milliseconds on a log scale) as one inline
 * SVG, with no script or external resource.
 */
final class LatencyPlot {

	private static final String[] COLORS = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b" };

	private static final int WIDTH = 900;

	private static final int HEIGHT = 500;

	private static final int MARGIN = 60;

	private static final double MAX_NINES = 4;

	private LatencyPlot() {
	}

	static void write(Path file, List<BenchmarkReport.Phase> phases, String title) {
		double maxMs = phases.stream().mapToDouble((p) -> p.stats().latency.getMaxValue() / 1000.0).max().orElse(1);
		double minMs = phases.stream()
			.filter((p) -> p.stats().latency.getTotalCount() > 0)
			.mapToDouble((p) -> p.stats().latency.getMinValue() / 1000.0)
			.min()
			.orElse(1);
		double low = Math.floor(Math.log10(Math.max(minMs, 0.1)));
		double high = Math.ceil(Math.log10(Math.max(maxMs, 1)));
		if (high <= low) {
			high = low + 1;
		}
		var svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>%n",
				WIDTH, HEIGHT));
		for (double d = low; d <= high; d++) {
			double y = y(Math.pow(10, d), low, high);
			svg.append(line(MARGIN, y, WIDTH - MARGIN, y, "#ddd"))
				.append(text(MARGIN - 8, y + 4, "end", String.format(Locale.ROOT, "%s ms", label(Math.pow(10, d)))));
		}
		String[] names = { "0%", "90%", "99%", "99.9%", "99.99%" };
		for (int n = 0; n <= MAX_NINES; n++) {
			double x = x(n);
			svg.append(line(x, MARGIN, x, HEIGHT - MARGIN, "#ddd"))
				.append(text(x, HEIGHT - MARGIN + 16, "middle", names[n]));
		}
		for (int i = 0; i < phases.size(); i++) {
			PhaseStats stats = phases.get(i).stats();
			String color = COLORS[i % COLORS.length];
			if (stats.latency.getTotalCount() > 0) {
				svg.append(curve(stats.latency, low, high, color));
			}
			svg.append(text(WIDTH - MARGIN - 280, MARGIN + 16 + 16 * i, "start",
					String.format(Locale.ROOT, "%s: p50 %.0f ms, p99 %.0f ms, %.1f sagas/s", stats.name,
							BenchmarkReport.ms(stats.latency, 50), BenchmarkReport.ms(stats.latency, 99),
							stats.sagasPerSecond()))
				.replace("<text ", "<text fill='" + color + "' "));
		}
		svg.append(text(WIDTH / 2.0, HEIGHT - 15, "middle", "percentile"));
		svg.append("</svg>\n");
		String html = "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>" + escape(title)
				+ "</title></head><body>\n<h2>" + escape(title) + "</h2>\n"
				+ "<p>POST /api/orders sent to terminal status visible in the read model.</p>\n" + svg
				+ "</body></html>\n";
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, html);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String curve(Histogram h, double low, double high, String color) {
		var points = new StringBuilder();
		for (int step = 0; step <= 200; step++) {
			double nines = MAX_NINES * step / 200.0;
			double percentile = 100 * (1 - Math.pow(10, -nines));
			double ms = Math.max(h.getValueAtPercentile(percentile) / 1000.0, Math.pow(10, low));
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(nines), y(ms, low, high)));
		}
		return "<polyline fill='none' stroke-width='2' stroke='" + color + "' points='" + points + "'/>\n";
	}

	private static double x(double nines) {
		return MARGIN + (WIDTH - 2 * MARGIN) * nines / MAX_NINES;
	}

	private static double y(double ms, double low, double high) {
		return HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * (Math.log10(ms) - low) / (high - low);
	}

	private static String line(double x1, double y1, double x2, double y2, String color) {
		return String.format(Locale.ROOT, "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s'/>%n", x1, y1, x2,
				y2, color);
	}

	private static String text(double x, double y, String anchor, String content) {
		return String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' text-anchor='%s'>%s</text>%n", x, y, anchor,
				escape(content));
	}

	private static String label(double value) {
		return (value >= 1) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
