package org.mlplatform.api.dataset;

/**
 * Uploaded dataset content is not what its format promises. The message is meant for the uploader
 * and names the place: the 1-based CSV line or the zip entry.
 */
public class DatasetFormatException extends Exception {

    public DatasetFormatException(String message) {
        super(message);
    }
}
