package org.mlplatform.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.common.PageResponse;

class PageFetchTest {

    private final List<Integer> all = IntStream.range(0, 250).boxed().toList();
    private final List<String> calls = new ArrayList<>();

    private PageResponse<Integer> page(int page, int size) {
        calls.add(page + "/" + size);
        int from = Math.min(all.size(), page * size);
        return new PageResponse<>(
                all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    @Test
    void shouldReadAnAlignedWindowWithOneCall() {
        assertThat(PageFetch.window(50, 50, this::page))
                .containsExactlyElementsOf(all.subList(50, 100));
        assertThat(calls).containsExactly("1/50");
    }

    @Test
    void shouldReadAnUnalignedWindowFromTheOverlappingPages() {
        assertThat(PageFetch.window(30, 50, this::page))
                .containsExactlyElementsOf(all.subList(30, 80));
        assertThat(calls).containsExactly("0/50", "1/50");
    }

    @Test
    void shouldNeverAskForMoreThanTheApisMaximumPageSize() {
        assertThat(PageFetch.window(0, 250, this::page)).containsExactlyElementsOf(all);
        assertThat(calls).containsExactly("0/100", "1/100", "2/100");
    }

    @Test
    void shouldStopAtTheEnd() {
        assertThat(PageFetch.window(240, 50, this::page))
                .containsExactlyElementsOf(all.subList(240, 250));
    }
}
