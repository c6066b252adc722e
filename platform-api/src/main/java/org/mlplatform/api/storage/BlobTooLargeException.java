package org.mlplatform.api.storage;

import java.io.IOException;

/** A stream went past the byte limit given to {@link BlobStore#stage}. */
public class BlobTooLargeException extends IOException {

    private final long limit;

    public BlobTooLargeException(long limit) {
        super("more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
