package org.khaldun.store;

import java.util.List;

/**
 * One page of a result.
 *
 * @param items   the rows
 * @param request the request that produced it ({@code request.next()} asks for the following page)
 * @param hasMore whether rows follow this page
 */
public record Page<T>(List<T> items, PageRequest request, boolean hasMore) {
    public Page {
        items = List.copyOf(items);
    }
}
