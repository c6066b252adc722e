package org.mlplatform.portal.admin;

import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.Paging;
import org.mlplatform.portal.api.PlatformApiException;
import org.mlplatform.portal.layout.Notifications;

/**
 * Maps a grid's offset/limit window onto platform-api's page/size paging. Grids ask for aligned
 * windows, which is one call; an unaligned window reads the pages it overlaps.
 */
public final class PageFetch {

    private PageFetch() {}

    /**
     * @param fetch reads one page: (page, size) to the answer
     */
    public static <T> List<T> window(
            int offset, int limit, BiFunction<Integer, Integer, PageResponse<T>> fetch) {
        int size = Math.max(1, Math.min(limit, Paging.MAX_SIZE));
        int page = offset / size;
        int skip = offset % size;
        List<T> result = new ArrayList<>(limit);
        while (result.size() < limit) {
            List<T> items = fetch.apply(page, size).items();
            List<T> usable = items.subList(Math.min(skip, items.size()), items.size());
            result.addAll(usable.subList(0, Math.min(usable.size(), limit - result.size())));
            if (items.size() < size) {
                break;
            }
            page++;
            skip = 0;
        }
        return result;
    }

    /**
     * Lets a grid page lazily through an API list. A failed call shows its readable message and
     * leaves the grid empty instead of breaking the view.
     */
    public static <T> void bind(Grid<T> grid, BiFunction<Integer, Integer, PageResponse<T>> fetch) {
        grid.setItems(
                query -> {
                    try {
                        return window(query.getOffset(), query.getLimit(), fetch).stream();
                    } catch (PlatformApiException e) {
                        Notifications.error(e.getMessage());
                        return Stream.empty();
                    }
                },
                query -> {
                    try {
                        return (int) total(fetch::apply);
                    } catch (PlatformApiException e) {
                        Notifications.error(e.getMessage());
                        return 0;
                    }
                });
    }

    /** The total number of items, read with the smallest page. */
    public static long total(BiFunction<Integer, Integer, PageResponse<?>> fetch) {
        return fetch.apply(0, 1).total();
    }
}
