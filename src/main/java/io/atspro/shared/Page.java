package io.atspro.shared;

import java.util.List;
import java.util.function.Function;

/** The one paging envelope of every list: the items of page {@code page} (0-based) of size {@code size}, of {@code total}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
