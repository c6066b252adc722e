package org.mlplatform.portal.training;

import java.util.List;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.dataset.CsvProfile;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.dataset.ImageClassCount;
import org.mlplatform.contract.dataset.ImageZipProfile;
import org.mlplatform.portal.FakePlatform;

/** Datasets the training tests pick from. */
final class Datasets {

    private Datasets() {}

    /** sepal_length, sepal_width (NUMERIC), notes (TEXT), species (CATEGORICAL). */
    static DatasetResponse iris() {
        return new DatasetResponse(
                "iris",
                DatasetFormat.CSV,
                4096,
                "ab".repeat(32),
                new CsvProfile(
                        150,
                        List.of(
                                column("sepal_length", ColumnType.NUMERIC),
                                column("sepal_width", ColumnType.NUMERIC),
                                column("notes", ColumnType.TEXT),
                                column("species", ColumnType.CATEGORICAL))),
                null,
                FakePlatform.T0);
    }

    static DatasetResponse digits() {
        return new DatasetResponse(
                "Digits_2025",
                DatasetFormat.IMAGE_ZIP,
                1 << 20,
                "cd".repeat(32),
                null,
                new ImageZipProfile(
                        20,
                        List.of(new ImageClassCount("0", 10), new ImageClassCount("1", 10)),
                        28,
                        28,
                        28,
                        28),
                FakePlatform.T0);
    }

    private static ColumnProfile column(String name, ColumnType type) {
        return new ColumnProfile(name, type, 0, null, null, null, null, 3, false, null);
    }
}
