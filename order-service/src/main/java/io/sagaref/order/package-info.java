/**
 * The order domain: the {@link io.sagaref.order.Order} aggregate that ends each saga, its
 * events, and the replica of the catalog that orders are priced from. Plain Java.
 */
@NullMarked
package io.sagaref.order;

import org.jspecify.annotations.NullMarked;
