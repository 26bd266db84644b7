package io.atspro.shared;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Turns a sorted Panache query into one page of the paging envelope. */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(), query.count());
    }
}
