package org.mlplatform.api.dataset;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an image-zip entry's name says: a class folder, an image in one, or something to ignore
 * (macOS metadata, dot-files). Refuses names that could escape the folder they are extracted to.
 *
 * @param className the class folder, or {@code null} for an ignored entry
 * @param image whether the entry is an image (not a folder)
 */
record ZipEntryPath(String className, boolean image) {

    private static final ZipEntryPath IGNORED = new ZipEntryPath(null, false);
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
    private static final String LAYOUT = "; images must be at <class>/<image>";

    boolean ignored() {
        return className == null;
    }

    static ZipEntryPath parse(String name) throws DatasetFormatException {
        checkSafe(name);
        boolean folder = name.endsWith("/");
        String[] segments = (folder ? name.substring(0, name.length() - 1) : name).split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".")) {
                throw new DatasetFormatException(
                        "entry '" + name + "' has an empty or '.' path segment");
            }
        }
        if (segments[0].equals("__MACOSX") || segments[segments.length - 1].startsWith(".")) {
            return IGNORED;
        }
        if (segments[0].startsWith(".")) {
            return IGNORED;
        }
        if (folder) {
            if (segments.length > 1) {
                throw new DatasetFormatException(
                        "entry '" + name + "' is a nested folder" + LAYOUT);
            }
            return new ZipEntryPath(segments[0], false);
        }
        if (segments.length == 1) {
            throw new DatasetFormatException(
                    "entry '" + name + "' is not in a class folder" + LAYOUT);
        }
        if (segments.length > 2) {
            throw new DatasetFormatException("entry '" + name + "' is nested too deep" + LAYOUT);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".png") && !lower.endsWith(".jpg") && !lower.endsWith(".jpeg")) {
            throw new DatasetFormatException(
                    "entry '" + name + "' is not a .png, .jpg or .jpeg file");
        }
        return new ZipEntryPath(segments[0], true);
    }

    private static void checkSafe(String name) throws DatasetFormatException {
        if (name.isEmpty()) {
            throw new DatasetFormatException("the zip has an entry with an empty name");
        }
        if (name.indexOf('\0') >= 0) {
            throw new DatasetFormatException(
                    "entry '" + name + "' has a NUL character in its name");
        }
        if (name.indexOf('\\') >= 0) {
            throw new DatasetFormatException("entry '" + name + "' has a backslash in its path");
        }
        if (name.startsWith("/")) {
            throw new DatasetFormatException("entry '" + name + "' has an absolute path");
        }
        if (DRIVE_LETTER.matcher(name).matches()) {
            throw new DatasetFormatException("entry '" + name + "' starts with a drive letter");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new DatasetFormatException(
                        "entry '" + name + "' has a '..' segment that leaves the archive");
            }
        }
    }
}
