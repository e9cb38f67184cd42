package io.sagaref.orderquery;

/**
 * The read model's tables as a whole, for a rebuild without downtime: a rebuild fills a
 * second set of tables of the same shape (the shadow) while the live ones keep answering,
 * then swaps them in.
 */
public interface ViewTables {

	/**
	 * Creates empty shadow tables shaped like the live ones (dropping any left over by a
	 * rebuild that died).
	 */
	void createShadow();

	/**
	 * @return the views of the shadow tables
	 */
	OrderViews shadow();

	/**
	 * Locks the live tables against writes until the transaction ends: the projection
	 * waits, queries go on.
	 */
	void lockLive();

	/**
	 * In the current transaction: makes the shadow tables the live ones, under the live
	 * names (indexes and constraints included), and drops the old ones. Queries wait only
	 * from here to the commit.
	 */
	void swapInShadow();

	/**
	 * Drops the shadow tables, if any.
	 */
	void dropShadow();

}
