package org.mlplatform.api.user;

/**
 * The authenticated user of the current request, as recorded in the database.
 *
 * @param userId the row id in {@code users}
 * @param username the username, used as the actor of audit events
 * @param platformAdmin whether the token carries the realm role {@code platform-admin}
 */
public record Caller(long userId, String username, boolean platformAdmin) {}
