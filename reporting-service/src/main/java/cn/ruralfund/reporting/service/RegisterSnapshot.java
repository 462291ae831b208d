package cn.ruralfund.reporting.service;

import cn.ruralfund.reporting.domain.Brand;
import cn.ruralfund.reporting.domain.Product;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The brand/product register and the platform list, read once per request, upload or event to check many rows. */
public final class RegisterSnapshot {

    private final Map<String, Brand> brands = new HashMap<>();
    private final Map<String, Product> products = new HashMap<>();
    private final Set<String> platforms;

    public RegisterSnapshot(List<Brand> brands, List<Product> products, Set<String> platforms) {
        brands.forEach(b -> this.brands.put(b.name, b));
        products.forEach(p -> this.products.put(p.brandId + "|" + p.name, p));
        this.platforms = platforms;
    }

    public Brand brand(String name) {
        return brands.get(name);
    }

    public Product product(Brand brand, String name) {
        return products.get(brand.id + "|" + name);
    }

    public boolean platform(String code) {
        return platforms.contains(code);
    }

    public Set<String> platforms() {
        return platforms;
    }
}
