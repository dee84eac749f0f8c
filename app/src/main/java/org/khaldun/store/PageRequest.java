package org.khaldun.store;

/**
 * Which slice of a result to return. Order is always total: by event date, then store order ({@code seq}), so
 * paging through a result that is not being written to never repeats or skips a row.
 *
 * @param limit  rows per page, 1..10,000
 * @param offset rows to skip
 * @param order  newest or oldest first
 */
public record PageRequest(int limit, long offset, Order order) {

    public enum Order { DATE_DESC, DATE_ASC }

    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        order = order == null ? Order.DATE_DESC : order;
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, 0, Order.DATE_DESC);
    }

    public PageRequest next() {
        return new PageRequest(limit, offset + limit, order);
    }

    public PageRequest withOrder(Order o) {
        return new PageRequest(limit, offset, o);
    }
}
