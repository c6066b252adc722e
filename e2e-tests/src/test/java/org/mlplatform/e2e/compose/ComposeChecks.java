package org.mlplatform.e2e.compose;

import java.util.ArrayList;
import java.util.List;

/** Static checks of docker-compose.yml that need no Docker: each returns its problems. */
final class ComposeChecks {

    private ComposeChecks() {}

    /** Every environment variable of the service that the app does not read, as a message. */
    static List<String> unknownEnvironment(
            ComposeFile compose, String service, AppConfigKeys appKeys) {
        List<String> problems = new ArrayList<>();
        for (String variable : compose.environment(service).keySet()) {
            if (!appKeys.reads(variable)) {
                problems.add(
                        "%s: environment variable %s maps to no key (%s) of the app's"
                                        .formatted(
                                                service,
                                                variable,
                                                variable.toLowerCase().replace('_', '.'))
                                + " application.properties, neither as key nor as ${"
                                + variable
                                + "} reference");
            }
        }
        return problems;
    }
}
