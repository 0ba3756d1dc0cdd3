package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A 1-based page of a list and the {@code meta.pagination} it produces.
 *
 * @param perPage page size
 * @param page 1-based page number
 */
record PageRequest(int perPage, int page) {

    /** Returns the items of this page; empty beyond the last page. */
    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    /**
     * Returns {@code {"pagination": {...}}} for a page of {@code count} items out of {@code total}.
     * {@code total_pages} is at least 1, as with the Laravel paginator the service is built on [I].
     */
    ObjectNode meta(int total, int count) {
        ObjectNode meta = WireFormat.object();
        ObjectNode pagination = meta.putObject("pagination");
        pagination.put("total", total);
        pagination.put("count", count);
        pagination.put("per_page", perPage);
        pagination.put("current_page", page);
        pagination.put("total_pages", Math.max(1, (total + perPage - 1) / perPage));
        return meta;
    }
}
