package io.sagaref.orderquery.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sagaref.orderquery.OrderViews;
import io.sagaref.orderquery.ViewTables;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read model's tables in Postgres. The shadow is created from the live tables
 * themselves ({@code like ... including all}: columns, defaults, checks, indexes) plus
 * their foreign keys, so it cannot drift from the migrations. The swap renames tables,
 * which Postgres does by catalog entry: queries waiting for the lock, and statements a
 * connection prepared before, find the new table under the old name when they run. The
 * shadow's indexes get the live names back, so a later migration finds them.
 */
@Repository
class JdbcViewTables implements ViewTables {

	/**
	 * {@code CREATE [UNIQUE] INDEX name ON table USING ...}: what an index is, without
	 * its names.
	 */
	private static final Pattern INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ (USING .+)$");

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	JdbcViewTables(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void createShadow() {
		dropShadow();
		for (String table : Tables.LIVE.all()) {
			this.jdbc.execute("create table " + table + "_shadow (like " + table + " including all)");
		}
		for (String table : Tables.LIVE.all()) {
			List<Map<String, Object>> keys = this.jdbc
				.queryForList("select conname, pg_get_constraintdef(oid) as definition from pg_constraint"
						+ " where conrelid = ?::regclass and contype = 'f'", table);
			for (Map<String, Object> key : keys) {
				String definition = ((String) key.get("definition")).replaceAll(
						"REFERENCES (\\S+\\.)?" + Tables.LIVE.views() + "\\(",
						"REFERENCES " + Tables.SHADOW.views() + "(");
				this.jdbc.execute(
						"alter table " + table + "_shadow add constraint " + key.get("conname") + " " + definition);
			}
		}
	}

	@Override
	public OrderViews shadow() {
		return JdbcOrderViews.of(this.jdbc, this.json, Tables.SHADOW);
	}

	@Override
	public void lockLive() {
		this.jdbc.execute("lock table " + String.join(", ", Tables.LIVE.all()) + " in exclusive mode");
	}

	@Override
	public void swapInShadow() {
		// all at once, the views first as every query takes them: no query holds one
		// table
		// while waiting for another this transaction holds
		this.jdbc.execute("lock table " + String.join(", ", Tables.LIVE.all()) + " in access exclusive mode");
		Map<String, Map<String, String>> liveIndexNames = new HashMap<>();
		for (String table : Tables.LIVE.all()) {
			Map<String, String> names = new HashMap<>();
			indexes(table).forEach((name, shape) -> names.put(shape, name));
			liveIndexNames.put(table, names);
		}
		for (String table : Tables.LIVE.all()) {
			this.jdbc.execute("alter table " + table + " rename to " + table + "_old");
		}
		for (String table : Tables.LIVE.all()) {
			this.jdbc.execute("alter table " + table + "_shadow rename to " + table);
		}
		this.jdbc.execute("drop table " + String.join(", ", Tables.OLD.all().reversed()));
		for (String table : Tables.LIVE.all()) {
			Map<String, String> names = liveIndexNames.get(table);
			indexes(table).forEach((name, shape) -> {
				String live = names.get(shape);
				if (live != null && !live.equals(name)) {
					// renames the constraint it backs (primary key, unique) too
					this.jdbc.execute("alter index " + name + " rename to " + live);
				}
			});
		}
	}

	@Override
	public void dropShadow() {
		this.jdbc.execute("drop table if exists " + String.join(", ", Tables.SHADOW.all().reversed()));
	}

	/**
	 * @return the table's indexes: name to shape (what it indexes and how)
	 */
	private Map<String, String> indexes(String table) {
		Map<String, String> indexes = new HashMap<>();
		this.jdbc.query(
				"select indexname, indexdef from pg_indexes where schemaname = current_schema()" + " and tablename = ?",
				(row) -> {
					Matcher shape = INDEX.matcher(row.getString("indexdef"));
					if (shape.matches()) {
						indexes.put(row.getString("indexname"),
								((shape.group(1) != null) ? "unique " : "") + shape.group(2));
					}
				}, table);
		return indexes;
	}

}
