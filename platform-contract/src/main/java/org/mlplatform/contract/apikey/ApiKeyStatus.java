package org.mlplatform.contract.apikey;

/** Whether a key is accepted now. */
public enum ApiKeyStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
