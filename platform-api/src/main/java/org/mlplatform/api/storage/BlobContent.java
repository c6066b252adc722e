package org.mlplatform.api.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An open permanent blob: its size and a stream of its bytes, which the reader must close. */
public record BlobContent(long size, InputStream stream) implements Closeable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
