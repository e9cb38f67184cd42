package io.sagaref.inventory.web;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import io.sagaref.inventory.Money;
import io.sagaref.inventory.Product;
import io.sagaref.inventory.application.ProductService;
import io.sagaref.inventory.web.ProductRequests.AddStock;
import io.sagaref.inventory.web.ProductRequests.RegisterProduct;
import jakarta.validation.Valid;
import io.sagaref.web.ReadToken;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

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
 * several at once (the gateway's composition asks for the products of open orders). Every
 * write answers with a {@link ReadToken} naming the product's event sequence after it;
 * the reads accept one and answer at once, since they read the database the write went
 * to.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	/** The source of this service's read tokens. */
	static final String SOURCE = "inventory-service";

	private final ProductService products;

	ProductController(ProductService products) {
		this.products = products;
	}

	@PostMapping
	ResponseEntity<ProductView> register(@Valid @RequestBody RegisterProduct request) {
		var product = this.products.register(Objects.requireNonNull(request.sku()),
				Objects.requireNonNull(request.name()), Money.of(Objects.requireNonNull(request.price())),
				Objects.requireNonNull(request.stock()));
		return ResponseEntity.created(URI.create("/api/products/" + product.sku()))
			.header(ReadToken.HEADER, readToken(product))
			.body(ProductView.of(product));
	}

	@GetMapping("/{sku}")
	ProductView product(@PathVariable String sku,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		ReadToken.check(readToken);
		return ProductView.of(this.products.product(sku));
	}

	@GetMapping
	List<ProductView> products(@RequestParam("sku") @Size(max = 100) List<String> skus,
			@RequestParam(name = ReadToken.PARAMETER, required = false) @Nullable String readToken) {
		ReadToken.check(readToken);
		return this.products.products(skus).stream().map(ProductView::of).toList();
	}

	@PostMapping("/{sku}/stock")
	ResponseEntity<ProductView> addStock(@PathVariable String sku, @Valid @RequestBody AddStock request) {
		Product product = this.products.addStock(sku, Objects.requireNonNull(request.quantity()));
		return ResponseEntity.ok().header(ReadToken.HEADER, readToken(product)).body(ProductView.of(product));
	}

	private static String readToken(Product product) {
		return new ReadToken(SOURCE, product.sku(), product.eventSequence()).encode();
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
