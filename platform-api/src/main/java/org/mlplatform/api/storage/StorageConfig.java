package org.mlplatform.api.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where and how blobs are stored, under {@code platform.storage.*}. */
@ConfigMapping(prefix = "platform.storage")
public interface StorageConfig {

    /** Which {@link BlobStore} to use: {@code fs} (the file system). */
    @WithDefault("fs")
    String type();

    /** The most bytes one upload may have; the tenant's remaining storage quota may be lower. */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** The file-system store. */
    Fs fs();

    interface Fs {
        /** The root directory; {@code blobs/} and {@code tmp/} are created under it. */
        @WithDefault("${user.dir}/.platform-data/blobs")
        Path root();
    }
}
