package io.sagaref.legacy.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.sagaref.legacy.Catalog;
import io.sagaref.legacy.Product;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * {@link Catalog} on the {@code product} table. Each change is one upsert of a delta, so
 * it needs no read first and commutes with every other change of the same product.
 */
@Repository
class JdbcCatalog implements Catalog {

	private static final String COLUMNS = "sku, name, price, available, reserved";

	private static final RowMapper<Product> PRODUCT = (row, n) -> new Product(row.getString("sku"),
			row.getString("name"), row.getBigDecimal("price"), row.getInt("available"), row.getInt("reserved"));

	private final JdbcTemplate jdbc;

	JdbcCatalog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Product> find(String sku) {
		return this.jdbc.query("select " + COLUMNS + " from product where sku = ? and name is not null", PRODUCT, sku)
			.stream()
			.findFirst();
	}

	@Override
	public List<Product> findAll(Collection<String> skus) {
		return this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(
					"select " + COLUMNS + " from product where sku = any(?) and name is not null order by sku");
			Array array = connection.createArrayOf("varchar", skus.toArray());
			statement.setArray(1, array);
			return statement;
		}, PRODUCT);
	}

	@Override
	public long catalogSequence(String sku) {
		List<Long> sequence = this.jdbc.queryForList("select catalog_sequence from product where sku = ?", Long.class,
				sku);
		return sequence.isEmpty() ? 0 : sequence.get(0);
	}

	@Override
	public void registered(String sku, String name, BigDecimal price, int stock, long sequence) {
		this.jdbc.update("""
				insert into product (sku, name, price, available, reserved, catalog_sequence)
				values (?, ?, ?, ?, 0, ?)
				on conflict (sku) do update set name = excluded.name, price = excluded.price,
				    available = product.available + excluded.available,
				    catalog_sequence = greatest(product.catalog_sequence, excluded.catalog_sequence)
				""", sku, name, price, stock, sequence);
	}

	@Override
	public void stockAdded(String sku, int quantity, long sequence) {
		this.jdbc.update("""
				insert into product (sku, available, catalog_sequence) values (?, ?, ?)
				on conflict (sku) do update set available = product.available + excluded.available,
				    catalog_sequence = greatest(product.catalog_sequence, excluded.catalog_sequence)
				""", sku, quantity, sequence);
	}

	@Override
	public void reserved(String sku, int quantity) {
		this.jdbc.update("""
				insert into product (sku, available, reserved) values (?, ?, ?)
				on conflict (sku) do update set available = product.available + excluded.available,
				    reserved = product.reserved + excluded.reserved
				""", sku, -quantity, quantity);
	}

}
