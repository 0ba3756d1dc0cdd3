package dev.chatdirectory.emulator.qiscus;

import java.util.List;

/**
 * A page request of a Qiscus list endpoint: 1-based {@code page} and {@code limit}.
 *
 * @param page the 1-based page number
 * @param limit the page size
 */
record QiscusPage(int page, int limit) {

    /**
     * Reads {@code page} and {@code limit}; missing or invalid values fall back to page 1 and the
     * endpoint's default size, and sizes above the endpoint's maximum are lowered to it.
     */
    static QiscusPage of(QiscusParams params, int defaultLimit, int maxLimit) {
        return new QiscusPage(
                params.positiveInt("page", 1), Math.min(params.positiveInt("limit", defaultLimit), maxLimit));
    }

    /** Returns how many items precede this page. */
    long offset() {
        return (long) (page - 1) * limit;
    }

    /** Returns the items of this page; empty past the end. */
    <T> List<T> slice(List<T> items) {
        if (offset() >= items.size()) {
            return List.of();
        }
        int from = (int) offset();
        return items.subList(from, Math.min(items.size(), from + limit));
    }

    /** Returns {@code ceil(total / limit)}. */
    int totalPages(int total) {
        return (total + limit - 1) / limit;
    }
}
