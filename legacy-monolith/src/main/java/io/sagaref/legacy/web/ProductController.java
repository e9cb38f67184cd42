package io.sagaref.legacy.web;

import java.util.List;

import io.sagaref.legacy.application.CatalogService;
import io.sagaref.web.ReadToken;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog reads of the public API as the old system answers them: the same paths,
 * parameters, shapes and errors as inventory-service, from the old tables. The old system
 * takes no catalog writes any more; those go to inventory-service.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final CatalogService catalog;

	ProductController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/{sku}")
	ProductView product(@PathVariable String sku,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		return ProductView.of(this.catalog.product(sku, parse(readToken)));
	}

	@GetMapping
	List<ProductView> products(@RequestParam("sku") @Size(max = 100) List<String> skus,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		return this.catalog.products(skus, parse(readToken)).stream().map(ProductView::of).toList();
	}

	private static @Nullable ReadToken parse(@Nullable String token) {
		return (token != null) ? ReadToken.parse(token) : null;
	}

}
