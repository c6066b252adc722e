package org.mlplatform.api.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.function.Function;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.Paging;

/** Turns a Panache query into one clamped page of wire records. */
public final class Pages {

    private Pages() {}

    public static <E, R> PageResponse<R> of(
            PanacheQuery<E> query, Integer page, Integer size, Function<E, R> mapper) {
        int p = Paging.clampPage(page);
        int s = Paging.clampSize(size);
        var items = query.page(p, s).list().stream().map(mapper).toList();
        return new PageResponse<>(items, p, s, query.count());
    }
}
