package org.mlplatform.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsvTeeTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void shouldProfileEverythingThatIsReadThrough() throws Exception {
        GeneratedCsv csv = new GeneratedCsv("n,s", 200_000, i -> i + ",v" + (i % 3));
        try (CsvTee tee = new CsvTee(csv, new CsvProfiler(), executor)) {
            long read = drain(tee.stream());

            assertThat(read).isGreaterThan(2_000_000);
            assertThat(tee.result().profile().rowCount()).isEqualTo(200_000);
            assertThat(tee.result().profile().columns().get(1).valueCounts()).hasSize(3);
        }
    }

    @Test
    void shouldStopTheUploadSoonAfterTheProfilerRejectsIt() throws Exception {
        // About 60 MB, with a ragged line 3: the reader must stop long before the end.
        GeneratedCsv csv =
                new GeneratedCsv("a,b", 5_000_000, i -> i == 1 ? "1,2,3" : "12345,67890");
        try (CsvTee tee = new CsvTee(csv, new CsvProfiler(), executor)) {
            long[] read = new long[1];
            assertThatThrownBy(() -> read[0] = drainCounting(tee.stream(), read))
                    .isInstanceOf(CsvTee.Rejected.class);

            assertThat(read[0]).isLessThan(4L << 20);
            assertThatThrownBy(tee::result)
                    .isInstanceOf(DatasetFormatException.class)
                    .hasMessage("line 3 has 3 fields, the header has 2");
        }
    }

    private static long drain(InputStream in) throws IOException {
        return drainCounting(in, new long[1]);
    }

    private static long drainCounting(InputStream in, long[] count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            count[0] += n;
        }
        return count[0];
    }
}
