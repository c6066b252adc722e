package org.mlplatform.e2e.compose;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration an app reads, in environment-variable form: every key of its
 * application.properties (with or without a {@code %profile.} prefix) and every {@code ${NAME}} it
 * references. An environment variable is only useful when it matches one of them.
 */
final class AppConfigKeys {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:$]+)");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    private final Set<String> envNames;

    private AppConfigKeys(Set<String> envNames) {
        this.envNames = envNames;
    }

    static AppConfigKeys fromProperties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        Set<String> names = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(envName(PROFILE.matcher(key).replaceFirst("")));
            Matcher reference = REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                names.add(envName(reference.group(1)));
            }
        }
        return new AppConfigKeys(names);
    }

    /**
     * The environment variable MicroProfile Config maps to a property name: every character that is
     * not a letter or a digit becomes {@code _}, then upper case.
     */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Whether the app reads this environment variable. */
    boolean reads(String environmentVariable) {
        return envNames.contains(envName(environmentVariable));
    }
}
