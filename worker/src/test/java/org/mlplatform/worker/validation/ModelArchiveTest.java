package org.mlplatform.worker.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mlplatform.worker.validation.ModelFixtures.text;
import static org.mlplatform.worker.validation.ModelFixtures.write;
import static org.mlplatform.worker.validation.ModelFixtures.zip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.serving.artifact.ModelArchive;

/** Plain JUnit: unpacking touches no DJL natives. */
class ModelArchiveTest {

    @TempDir Path dir;

    @Test
    void shouldUnpackIntoTheOnlyTopLevelFolder() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("m/serving.properties", text("engine=PyTorch\n"));
        entries.put("m/m.pt", new byte[] {1, 2, 3});
        Path target = Files.createDirectory(dir.resolve("out"));

        Path model = new ModelArchive(1024, 10).unpack(write(dir, "a.zip", zip(entries)), target);

        assertThat(model).isEqualTo(target.resolve("m").toAbsolutePath());
        assertThat(model.resolve("m.pt")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void shouldRefuseAbsoluteEntries() throws Exception {
        Path zip = write(dir, "abs.zip", zip(Map.of("/etc/evil", text("x"))));

        assertThatThrownBy(() -> unpack(zip, 1024, 10)).hasMessageContaining("absolute path");
    }

    @Test
    void shouldStopAtTheUnpackedSizeCapWhateverTheZipClaims() throws Exception {
        Path zip = write(dir, "big.zip", zip(Map.of("zeros.bin", new byte[10_000])));

        assertThatThrownBy(() -> unpack(zip, 4096, 10))
                .hasMessageContaining("more than 4096 bytes");
    }

    @Test
    void shouldStopAtTheEntryCap() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("f" + i, text("x"));
        }
        Path zip = write(dir, "many.zip", zip(entries));

        assertThatThrownBy(() -> unpack(zip, 1024, 3)).hasMessageContaining("more than 3 entries");
    }

    private Path unpack(Path zip, long maxBytes, int maxEntries) throws Exception {
        Path target = Files.createTempDirectory(dir, "out");
        return new ModelArchive(maxBytes, maxEntries).unpack(zip, target);
    }
}
