package org.mlplatform.e2e.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The parts of a docker-compose file the static checks read: services, builds, environments. */
final class ComposeFile {

    /** A service's build: the context directory and the Dockerfile relative to it. */
    record Build(String context, String dockerfile) {}

    private final Map<String, Map<String, Object>> services;

    private ComposeFile(Map<String, Map<String, Object>> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile parse(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Object services = root == null ? null : root.get("services");
        if (!(services instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("compose file has no services");
        }
        return new ComposeFile((Map<String, Map<String, Object>>) map);
    }

    Set<String> services() {
        return services.keySet();
    }

    /** The service's build, when it is built rather than pulled. */
    Optional<Build> build(String service) {
        Object build = service(service).get("build");
        if (build instanceof String context) {
            return Optional.of(new Build(context, "Dockerfile"));
        }
        if (build instanceof Map<?, ?> map) {
            Object dockerfile = map.get("dockerfile");
            return Optional.of(
                    new Build(
                            String.valueOf(map.get("context")),
                            dockerfile == null ? "Dockerfile" : dockerfile.toString()));
        }
        return Optional.empty();
    }

    /** The environment the service gets, from the map or the {@code NAME=value} list form. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> result.put(name.toString(), String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] parts = entry.toString().split("=", 2);
                result.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return result;
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }
}
