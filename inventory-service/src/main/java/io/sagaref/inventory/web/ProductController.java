package io.sagaref.inventory.web;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import io.sagaref.inventory.Money;
import io.sagaref.inventory.application.ProductService;
import io.sagaref.inventory.web.ProductRequests.AddStock;
import io.sagaref.inventory.web.ProductRequests.RegisterProduct;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product catalog: register products, add stock, and look products up one by one or
 * several at once (the gateway's composition asks for the products of open orders).
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductService products;

	ProductController(ProductService products) {
		this.products = products;
	}

	@PostMapping
	ResponseEntity<ProductView> register(@Valid @RequestBody RegisterProduct request) {
		var product = this.products.register(Objects.requireNonNull(request.sku()),
				Objects.requireNonNull(request.name()), Money.of(Objects.requireNonNull(request.price())),
				Objects.requireNonNull(request.stock()));
		return ResponseEntity.created(URI.create("/api/products/" + product.sku())).body(ProductView.of(product));
	}

	@GetMapping("/{sku}")
	ProductView product(@PathVariable String sku) {
		return ProductView.of(this.products.product(sku));
	}

	@GetMapping
	List<ProductView> products(@RequestParam("sku") @Size(max = 100) List<String> skus) {
		return this.products.products(skus).stream().map(ProductView::of).toList();
	}

	@PostMapping("/{sku}/stock")
	ProductView addStock(@PathVariable String sku, @Valid @RequestBody AddStock request) {
		return ProductView.of(this.products.addStock(sku, Objects.requireNonNull(request.quantity())));
	}

	/**
	 * Two registrations of one sku racing each other: the loser hits the primary key.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail conflict(DataIntegrityViolationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The product was changed or registered concurrently; check its current state");
		problem.setTitle("Conflict with the current state");
		return problem;
	}

}
