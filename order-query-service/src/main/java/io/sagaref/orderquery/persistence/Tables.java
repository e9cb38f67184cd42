package io.sagaref.orderquery.persistence;

import java.util.List;

/**
 * The names of one set of read-model tables: the live ones, or a rebuild's shadow of them
 * (same shape, suffix {@code _shadow}).
 *
 * @param views the views
 * @param lines their lines
 * @param shortages their shortages
 * @param timeline their timelines
 */
record Tables(String views, String lines, String shortages, String timeline) {

	static final Tables LIVE = new Tables("order_view", "order_view_line", "order_view_shortage", "timeline_entry");

	static final Tables SHADOW = LIVE.suffixed("_shadow");

	static final Tables OLD = LIVE.suffixed("_old");

	Tables suffixed(String suffix) {
		return new Tables(this.views + suffix, this.lines + suffix, this.shortages + suffix, this.timeline + suffix);
	}

	/**
	 * @return the tables, the views first: the tables that reference them after them
	 */
	List<String> all() {
		return List.of(this.views, this.lines, this.shortages, this.timeline);
	}

	/**
	 * @param sql SQL naming the tables as {@code %1$s} (views) to {@code %4$s} (timeline)
	 * @return the SQL for these tables
	 */
	String format(String sql) {
		return sql.formatted(this.views, this.lines, this.shortages, this.timeline);
	}

}
