package org.mlplatform.contract.common;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items on this page
 * @param page the zero-based page number
 * @param size the page size that was applied (clamped to 1..100)
 * @param total the number of items on all pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {}
