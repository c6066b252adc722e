package org.mlplatform.api.usage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.mlplatform.api.apikey.ApiKeyFormat;
import org.mlplatform.contract.usage.UsageGroupBy;

/** Names for people on usage series: a key's name and prefix, a tenant's name, a model's name. */
@ApplicationScoped
class UsageLabels {

    /** The group of calls made by signed-in members, without a key. */
    static final String MEMBERS = "members";

    private final DataSource dataSource;

    UsageLabels(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<String, String> of(UsageGroupBy by, Set<String> groups) {
        Map<String, String> labels = new HashMap<>();
        if (by == null) {
            labels.put("all", "All calls");
            return labels;
        }
        switch (by) {
            case MODEL -> groups.forEach(g -> labels.put(g, g));
            case KEY -> {
                labels.put(MEMBERS, "Signed-in members (try it)");
                lookup(
                        "select id::text, name || ' (' || ? || key_id || ')' from api_keys"
                                + " where id = any(?::uuid[])",
                        groups.stream().filter(g -> !g.equals(MEMBERS)).toArray(String[]::new),
                        labels,
                        true);
            }
            case TENANT ->
                    lookup(
                            "select id::text, name || ' (' || slug || ')' from tenants"
                                    + " where id = any(?::bigint[])",
                            groups.toArray(String[]::new),
                            labels,
                            false);
        }
        return labels;
    }

    private void lookup(String sql, String[] ids, Map<String, String> into, boolean prefixed) {
        if (ids.length == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (prefixed) {
                statement.setString(i++, ApiKeyFormat.PREFIX);
            }
            statement.setArray(i, connection.createArrayOf("text", ids));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    into.put(row.getString(1), row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not label usage", e);
        }
    }
}
