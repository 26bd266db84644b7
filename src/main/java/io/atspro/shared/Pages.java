package io.atspro.shared;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.LongSupplier;

/** Turns a sorted Panache query into one page of the paging envelope. */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        return of(query, request, query::count);
    }

    /**
     * As {@link #of(PanacheQuery, PageRequest)}, counting with {@code total} when a count is needed at all: a page
     * that is not full (and not past the end) tells the total by itself. {@code PanacheQuery.count()} derives its
     * count query anew on every call (Hibernate plans it each time); a repository can pass a count of its own HQL,
     * whose plan is cached.
     */
    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request, LongSupplier total) {
        List<T> items = query.page(request.page(), request.size()).list();
        long offset = (long) request.page() * request.size();
        boolean told = items.size() < request.size() && (!items.isEmpty() || request.page() == 0);
        return new Page<>(items, request.page(), request.size(), told ? offset + items.size() : total.getAsLong());
    }
}
