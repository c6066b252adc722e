package org.mlplatform.contract.usage;

import java.util.List;

/**
 * One series of usage points.
 *
 * @param group what the series counts: a key's id, a model's name, a tenant's slug, or {@code all}
 * @param label for people: the key's name and prefix, the model's name, the tenant's name
 * @param points one per interval that had calls, oldest first
 * @param total the sum over all points
 */
public record UsageSeries(String group, String label, List<UsagePoint> points, UsagePoint total) {}
