package io.simswarm.scheduler.browse;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param total  items that match the filter, on every page
 * @param offset position of the first item of this page in the whole list
 * @param limit  largest number of items a page holds
 * @param items  the items of this page
 */
public record Page<T>(long total, int offset, int limit, List<T> items) {
}
