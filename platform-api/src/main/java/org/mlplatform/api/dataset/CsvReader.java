package org.mlplatform.api.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV into records: fields separated by commas, optionally in double quotes (which
 * may hold commas, line breaks and doubled quotes), records ended by CRLF, LF or CR. Counts
 * physical lines for error messages, strips a leading byte-order mark and skips empty lines. A
 * quote inside an unquoted field is kept as a character, as most spreadsheets write it.
 *
 * <p>Line breaks inside quoted fields come out as {@code \n}, whatever the file used.
 */
final class CsvReader {

    private static final int END = -1;

    private final Reader in;
    private final CsvLimits limits;
    private final char[] buffer = new char[8192];
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int length;
    private long line = 1;
    private long recordLine;
    private boolean started;
    private boolean sawContent;
    private int rowChars;

    CsvReader(Reader in, CsvLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** The next record's fields, or {@code null} at the end of the input. */
    List<String> next() throws IOException, DatasetFormatException {
        while (true) {
            recordLine = line;
            int c = read();
            if (c == END) {
                return null;
            }
            if (c != '\n') {
                return record(c);
            }
        }
    }

    /** The line on which the record last returned by {@link #next()} starts, from 1. */
    long recordLine() {
        return recordLine;
    }

    /** Whether the input held any character other than a byte-order mark. */
    boolean sawContent() {
        return sawContent;
    }

    private List<String> record(int first) throws IOException, DatasetFormatException {
        List<String> fields = new ArrayList<>();
        rowChars = 0;
        int c = first;
        while (true) {
            field.setLength(0);
            if (c == '"') {
                c = quoted();
                if (c != ',' && c != '\n' && c != END) {
                    throw new DatasetFormatException(
                            "line " + line + " has a character after a closing quote");
                }
            } else {
                while (c != ',' && c != '\n' && c != END) {
                    append((char) c);
                    c = read();
                }
            }
            if (fields.size() == limits.maxColumns()) {
                throw new DatasetFormatException(
                        "line %d has more than %d fields"
                                .formatted(recordLine, limits.maxColumns()));
            }
            fields.add(field.toString());
            if (c != ',') {
                return fields;
            }
            c = read();
        }
    }

    /** Reads a quoted field's content; returns the character after the closing quote. */
    private int quoted() throws IOException, DatasetFormatException {
        long start = line;
        while (true) {
            int c = read();
            if (c == END) {
                throw new DatasetFormatException(
                        "unterminated quoted field starting on line " + start);
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    return after;
                }
            }
            append((char) c);
        }
    }

    private void append(char c) throws DatasetFormatException {
        if (field.length() == limits.maxFieldChars()) {
            throw new DatasetFormatException(
                    "line %d has a field longer than %d characters"
                            .formatted(recordLine, limits.maxFieldChars()));
        }
        if (++rowChars > limits.maxRowChars()) {
            throw new DatasetFormatException(
                    "line %d is longer than %d characters"
                            .formatted(recordLine, limits.maxRowChars()));
        }
        field.append(c);
    }

    /** The next character with CRLF and CR turned into LF, counting lines. */
    private int read() throws IOException, DatasetFormatException {
        int c = raw();
        if (c == '\r') {
            int next = raw();
            if (next != '\n' && next != END) {
                position--; // a lone CR: keep what follows it
            }
            c = '\n';
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int raw() throws IOException, DatasetFormatException {
        if (position == length) {
            try {
                length = Math.max(in.read(buffer, 0, buffer.length), 0);
            } catch (CharacterCodingException e) {
                throw new DatasetFormatException("line " + line + " is not valid UTF-8");
            }
            position = 0;
            if (length == 0) {
                return END;
            }
            if (!started) {
                started = true;
                if (buffer[0] == '\uFEFF') {
                    position = 1; // a UTF-8 byte-order mark
                    return raw();
                }
            }
        }
        sawContent = true;
        return buffer[position++];
    }
}
