package org.mlplatform.worker.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void shouldReadQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        CsvTable table =
                CsvTable.read(
                        new StringReader(
                                "\uFEFFname,notes,n\r\n"
                                        + "a,\"big, tall\",1\r\n"
                                        + "b,\"say \"\"hi\"\"\",2\n"
                                        + "c,\"two\nlines\",\n"
                                        + "\n"));

        assertThat(table.header()).containsExactly("name", "notes", "n");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0)).containsExactly("a", "big, tall", "1");
        assertThat(table.rows().get(1)).containsExactly("b", "say \"hi\"", "2");
        assertThat(table.rows().get(2)).containsExactly("c", "two\nlines", "");
    }

    @Test
    void shouldNameTheRowWhoseFieldCountDiffersFromTheHeader() {
        assertThatThrownBy(() -> CsvTable.read(new StringReader("a,b\n1,2\n3\n")))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("row 2 has 1 fields, the header has 2");
    }

    @Test
    void shouldNameMissingColumnsAndRefuseAnEmptyFile() throws Exception {
        CsvTable table = CsvTable.read(new StringReader("a,b\n1,2\n"));

        assertThatThrownBy(() -> table.column("c"))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("no column 'c'");
        assertThatThrownBy(() -> CsvTable.read(new StringReader("")))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvTable.read(new StringReader("a\n\"open\n")))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("quoted field");
    }
}
