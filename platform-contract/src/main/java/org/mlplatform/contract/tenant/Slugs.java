package org.mlplatform.contract.tenant;

/** The one definition of a URL name (slug) for tenants and the things in them. */
public final class Slugs {
    /** Lowercase letters, digits and single hyphens; starts with a letter; 3 to 40 characters. */
    public static final String PATTERN = "^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$";

    private Slugs() {}
}
