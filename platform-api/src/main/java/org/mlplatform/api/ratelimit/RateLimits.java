package org.mlplatform.api.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's rate limits: a token bucket per key ({@code requestsPerSecond}, {@code burst}) and
 * one per tenant ({@code maxRequestsPerSecond}, burst = rate), each shared by all replicas through
 * {@link TokenLeases}. Answers the IETF {@code RateLimit-Policy} and {@code RateLimit} headers
 * (draft-ietf-httpapi-ratelimit-headers-10) for every call.
 */
@ApplicationScoped
public class RateLimits {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String STATE_HEADER = "RateLimit";

    /** A bucket to check: its policy name for the headers, its shared name, its limits. */
    public record Limit(String policy, String bucket, double rate, int burst) {

        public static Limit ofKey(UUID keyId, double rate, int burst) {
            return new Limit("key", "key:" + keyId, rate, burst);
        }

        public static Limit ofTenant(long tenantId, int rate) {
            return new Limit("tenant", "tenant:" + tenantId, rate, Math.max(1, rate));
        }
    }

    /** The headers to answer; {@code allowed} false: 429 with {@code Retry-After}. */
    public record Verdict(boolean allowed, long retryAfterSeconds, Map<String, String> headers) {}

    private final TokenLeases leases;
    private final RateLimitConfig config;
    private final Map<String, LeasedBucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(TokenLeases leases, RateLimitConfig config) {
        this.leases = leases;
        this.config = config;
    }

    /**
     * Takes one token of each limit in turn; stops at the first that refuses. Complete at once
     * while this replica holds leased tokens of each.
     */
    public CompletionStage<Verdict> check(List<Limit> limits) {
        return check(limits, 0, new ArrayList<>());
    }

    private CompletionStage<Verdict> check(List<Limit> limits, int index, List<String[]> states) {
        if (index == limits.size()) {
            return CompletableFuture.completedFuture(new Verdict(true, 0, headers(limits, states)));
        }
        Limit limit = limits.get(index);
        LeasedBucket bucket =
                buckets.computeIfAbsent(
                        limit.bucket(),
                        b ->
                                new LeasedBucket(
                                        b,
                                        leases,
                                        config.leaseTtl().toNanos(),
                                        config.leaseFraction()));
        bucket.configure(limit.rate(), limit.burst());
        return bucket.acquire()
                .thenCompose(
                        d -> {
                            states.add(state(limit, d));
                            if (!d.allowed()) {
                                List<Limit> seen = limits.subList(0, index + 1);
                                return CompletableFuture.completedFuture(
                                        new Verdict(
                                                false,
                                                d.retryAfterSeconds(),
                                                headers(seen, states)));
                            }
                            return check(limits, index + 1, states);
                        });
    }

    private static String[] state(Limit limit, LeasedBucket.Decision d) {
        long remaining = Math.min(limit.burst(), d.remaining());
        long reset =
                d.allowed() && limit.rate() > 0
                        ? (long) Math.ceil((limit.burst() - remaining) / limit.rate())
                        : d.retryAfterSeconds();
        return new String[] {limit.policy(), Long.toString(remaining), Long.toString(reset)};
    }

    private static Map<String, String> headers(List<Limit> limits, List<String[]> states) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (limits.isEmpty()) {
            return headers;
        }
        List<String> policies = new ArrayList<>();
        for (Limit l : limits) {
            long window = l.rate() <= 0 ? 1 : (long) Math.max(1, Math.ceil(l.burst() / l.rate()));
            policies.add("\"" + l.policy() + "\";q=" + l.burst() + ";w=" + window);
        }
        List<String> now = new ArrayList<>();
        for (String[] s : states) {
            now.add("\"" + s[0] + "\";r=" + s[1] + ";t=" + s[2]);
        }
        headers.put(POLICY_HEADER, String.join(", ", policies));
        headers.put(STATE_HEADER, String.join(", ", now));
        return headers;
    }
}
