package org.mlplatform.worker.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read whole (RFC 4180): a header row, then records; fields may be quoted with {@code
 * "}, a quote inside a quoted field is doubled, quoted fields may hold commas and line breaks.
 * Lines end with CRLF or LF; a UTF-8 byte order mark is skipped; blank lines are ignored.
 */
public record CsvTable(List<String> header, List<String[]> rows) {

    /** Reads a UTF-8 CSV file. */
    public static CsvTable read(Path file) throws IOException, TrainingException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    static CsvTable read(Reader source) throws IOException, TrainingException {
        BufferedReader in = new BufferedReader(source, 64 * 1024);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        List<String[]> records = new ArrayList<>();
        for (String[] record = next(in); record != null; record = next(in)) {
            if (!(record.length == 1 && record[0].isEmpty())) {
                records.add(record);
            }
        }
        if (records.isEmpty()) {
            throw TrainingException.badData("The CSV file is empty: it needs a header row.");
        }
        List<String> header = List.of(records.get(0));
        List<String[]> rows = records.subList(1, records.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != header.size()) {
                throw TrainingException.badData(
                        "CSV row %d has %d fields, the header has %d."
                                .formatted(i + 1, rows.get(i).length, header.size()));
            }
        }
        return new CsvTable(header, new ArrayList<>(rows));
    }

    /** The index of a column, or a clear error naming it. */
    public int column(String name) throws TrainingException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw TrainingException.badData(
                    "The CSV file has no column '%s'; it has %s.".formatted(name, header));
        }
        return index;
    }

    /** The next record, or null at the end of the input. */
    private static String[] next(BufferedReader in) throws IOException, TrainingException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw TrainingException.badData("The CSV file ends inside a quoted field.");
                }
                if (c == '"') {
                    in.mark(1);
                    int peek = in.read();
                    if (peek == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        in.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c < 0) {
                break;
            } else if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
