package org.mlplatform.serving;

/** Where a deployment stands on this worker, like DJL Serving's worker states. */
public enum ModelState {
    /** Downloading, loading and warming up; requests wait for it. */
    LOADING,
    /** Serving: its pool takes requests. */
    READY,
    /** Unloading: takes no new requests, finishes the queued ones. */
    DRAINING,
    /** Unloaded: the model and its files are gone. */
    STOPPED,
    /** Could not be loaded; the reason was reported to platform-api. */
    FAILED
}
