package org.mlplatform.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.ColumnType;

class CsvProfilerTest {

    private final CsvProfiler profiler = new CsvProfiler();

    @Test
    void shouldProfileNumericCategoricalAndTextColumns() throws Exception {
        CsvProfiler.Result result =
                profile(
                        """
                        age,colour,comment
                        2,red,first one
                        4,blue,
                        4,red,third
                        ,red,fourth
                        5,green,fifth
                        """);

        assertThat(result.profile().rowCount()).isEqualTo(5);
        ColumnProfile age = result.profile().columns().get(0);
        assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(age.nullCount()).isEqualTo(1);
        assertThat(age.min()).isEqualTo(2.0);
        assertThat(age.max()).isEqualTo(5.0);
        assertThat(age.mean()).isCloseTo(3.75, within(1e-12));
        // population std of 2, 4, 4, 5: sqrt(((1.75)^2 + 0.25^2 * 2 + 1.25^2) / 4)
        assertThat(age.std()).isCloseTo(Math.sqrt(4.75 / 4), within(1e-12));
        assertThat(age.distinctCount()).isEqualTo(3);
        assertThat(age.valueCounts()).isNull();

        ColumnProfile colour = result.profile().columns().get(1);
        assertThat(colour.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(colour.min()).isNull();
        assertThat(colour.distinctCount()).isEqualTo(3);
        assertThat(colour.distinctCapped()).isFalse();
        assertThat(colour.valueCounts())
                .containsExactly(
                        Map.entry("red", 3L), Map.entry("blue", 1L), Map.entry("green", 1L));

        assertThat(result.preview().columns()).containsExactly("age", "colour", "comment");
        assertThat(result.preview().rows()).hasSize(5);
        assertThat(result.preview().rows().get(1)).containsExactly("4", "blue", "");
    }

    @Test
    void shouldCallAColumnWithMoreDistinctValuesThanTheCapText() throws Exception {
        CsvProfiler small = new CsvProfiler(new CsvLimits(10, 100, 1000, 3));

        ColumnProfile name = small.profile(in("name\na\nb\nc\nd\na\n")).profile().columns().get(0);

        assertThat(name.type()).isEqualTo(ColumnType.TEXT);
        assertThat(name.distinctCount()).isEqualTo(3);
        assertThat(name.distinctCapped()).isTrue();
        assertThat(name.valueCounts()).isNull();
    }

    @Test
    void shouldNotTakeNanInfinityOrHexForNumbers() throws Exception {
        for (String odd : List.of("NaN", "Infinity", "0x10", "1d", "1e999")) {
            ColumnProfile column = profile("x\n1\n" + odd + "\n").profile().columns().get(0);
            assertThat(column.type()).as(odd).isEqualTo(ColumnType.CATEGORICAL);
        }
        ColumnProfile scientific = profile("x\n-1.5e3\n+.5\n2.\n").profile().columns().get(0);
        assertThat(scientific.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(scientific.min()).isEqualTo(-1500.0);
    }

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        CsvProfiler.Result result =
                profile(
                        "id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n4,x");

        assertThat(result.profile().rowCount()).isEqualTo(4);
        assertThat(result.preview().rows())
                .containsExactly(
                        List.of("1", "a, b"),
                        List.of("2", "say \"hi\""),
                        List.of("3", "two\nlines"),
                        List.of("4", "x"));
    }

    @Test
    void shouldStripAByteOrderMarkAndSkipEmptyLines() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = "a,b\n1,2\n\n3,4\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + rest.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(rest, 0, bytes, bom.length, rest.length);

        CsvProfiler.Result result = profiler.profile(new ByteArrayInputStream(bytes));

        assertThat(result.preview().columns()).containsExactly("a", "b");
        assertThat(result.profile().rowCount()).isEqualTo(2);
    }

    @Test
    void shouldNameTheLineOfARaggedRow() {
        String csv = "a,b,c\n1,2,3\n\"multi\nline\",2,3\n1,2\n";

        assertThatThrownBy(() -> profile(csv))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("line 5 has 2 fields, the header has 3");
    }

    @Test
    void shouldNameTheLineOfBytesThatAreNotUtf8() {
        byte[] latin1 = "name\nok\ncaf\u00e9\nok\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> profiler.profile(new ByteArrayInputStream(latin1)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("line 3 is not valid UTF-8");
    }

    @Test
    void shouldNameTheLineOfBadUtf8FarIntoTheFile() {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append('\n');
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = '7';
        bytes[good.length + 1] = (byte) 0xC3; // a truncated two-byte sequence at the very end
        bytes[good.length + 2] = '\n';

        assertThatThrownBy(() -> profiler.profile(new ByteArrayInputStream(bytes)))
                .hasMessage("line 5002 is not valid UTF-8");
    }

    @Test
    void shouldRejectAnEmptyFileAndOneWithoutAHeader() {
        assertThatThrownBy(() -> profile("")).hasMessage("the file is empty");
        assertThatThrownBy(() -> profile("\n\r\n")).hasMessage("no header row");
    }

    @Test
    void shouldProfileAHeaderOnly() throws Exception {
        CsvProfiler.Result result = profile("a,b\r\n");

        assertThat(result.profile().rowCount()).isZero();
        assertThat(result.profile().columns())
                .extracting(ColumnProfile::name, ColumnProfile::type, ColumnProfile::nullCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", ColumnType.TEXT, 0L),
                        org.assertj.core.groups.Tuple.tuple("b", ColumnType.TEXT, 0L));
        assertThat(result.preview().rows()).isEmpty();
    }

    @Test
    void shouldRejectBadHeaders() {
        assertThatThrownBy(() -> profile("a,b,a\n1,2,3\n")).hasMessage("duplicate column name 'a'");
        assertThatThrownBy(() -> profile("a,,c\n"))
                .hasMessage("empty column name in the header (column 2)");
    }

    @Test
    void shouldRejectAnUnterminatedQuote() {
        assertThatThrownBy(() -> profile("a,b\n1,2\n3,\"open\n4,5\n"))
                .hasMessage("unterminated quoted field starting on line 3");
        assertThatThrownBy(() -> profile("a\n\"x\"y\n"))
                .hasMessage("line 2 has a character after a closing quote");
    }

    @Test
    void shouldEnforceTheColumnAndFieldLimits() {
        CsvProfiler strict = new CsvProfiler(new CsvLimits(3, 5, 12, 50));

        assertThatThrownBy(() -> strict.profile(in("a,b,c,d\n")))
                .hasMessage("line 1 has more than 3 fields");
        assertThatThrownBy(() -> strict.profile(in("a\nshort\ntoolong\n")))
                .hasMessage("line 3 has a field longer than 5 characters");
        assertThatThrownBy(() -> strict.profile(in("a,b,c\n1,2,3\n12345,12345,12345\n")))
                .hasMessage("line 3 is longer than 12 characters");
    }

    @Test
    void shouldCutLongPreviewCells() throws Exception {
        String longText = "x".repeat(1000);

        CsvProfiler.Result result = profile("t\n" + longText + "\n");

        assertThat(result.preview().rows().get(0).get(0))
                .hasSize(CsvProfiler.PREVIEW_CELL_CHARS + 1)
                .endsWith("…");
        assertThat(result.profile().columns().get(0).type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void shouldStreamManyRowsWithBoundedState() throws Exception {
        int rows = 200_000;
        InputStream generated =
                new GeneratedCsv(
                        "id,value,group,note",
                        rows,
                        i -> i + "," + (i % 100) + "," + "g" + (i % 3) + ",note number " + i);

        CsvProfiler.Result result = profiler.profile(generated);

        assertThat(result.profile().rowCount()).isEqualTo(rows);
        List<ColumnProfile> columns = result.profile().columns();
        ColumnProfile id = columns.get(0);
        assertThat(id.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(id.mean()).isCloseTo((rows - 1) / 2.0, within(1e-6));
        // population std of 0..n-1 is sqrt((n^2 - 1) / 12)
        assertThat(id.std()).isCloseTo(Math.sqrt(((double) rows * rows - 1) / 12), within(1e-6));
        assertThat(id.distinctCapped()).isTrue();
        assertThat(columns.get(1).mean()).isCloseTo(49.5, within(1e-9));
        assertThat(columns.get(2).valueCounts())
                .containsExactly(
                        Map.entry("g0", 66_667L),
                        Map.entry("g1", 66_667L),
                        Map.entry("g2", 66_666L));
        ColumnProfile note = columns.get(3);
        assertThat(note.type()).isEqualTo(ColumnType.TEXT);
        assertThat(note.distinctCount()).isEqualTo(CsvLimits.DEFAULTS.distinctCap());
        assertThat(result.preview().rows()).hasSize(CsvProfiler.PREVIEW_ROWS);
    }

    private CsvProfiler.Result profile(String csv) throws IOException, DatasetFormatException {
        return profiler.profile(in(csv));
    }

    private static InputStream in(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
