package org.mlplatform.portal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.Paging;

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

    /** The total number of items, read with the smallest page. */
    public static long total(BiFunction<Integer, Integer, PageResponse<?>> fetch) {
        return fetch.apply(0, 1).total();
    }
}
