package dev.chatdirectory.provider.atomchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.http.ErrorMapper;
import dev.chatdirectory.http.HttpCallExecutor;
import dev.chatdirectory.http.PageCursor;
import dev.chatdirectory.spi.ProviderDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages through listUsers, whose {@code offset} the vendor documents in two ways, behind the
 * API's opaque cursor.
 *
 * <p>The docs disagree on whether {@code offset} is a row offset or a page number, and the 2018
 * server reads it as a row offset but turns 0 into 1 and any {@code limit} up to 100 into 100.
 * So this class:
 *
 * <ul>
 *   <li>always asks for exactly 100 rows, in windows aligned on multiples of 100, and cuts the
 *       caller's page out of them (a cursor is the row position of the next page);
 *   <li>reads the first window at offset 0, and before the first request at another offset checks
 *       once per directory how the vendor reads {@code offset}: the row at offset 99 must be the
 *       100th row of the first window (row offsets), or its 99th (row offsets with 0 read as 1,
 *       where the first user can not be listed at all, which is logged), and anything else is a
 *       {@link dev.chatdirectory.ProviderProtocolException} rather than a listing that silently
 *       skips or repeats users;
 *   <li>continues into the next window while a page is not full, ends the listing at a window
 *       shorter than 100 rows, and drops a UID already seen in the same page.
 * </ul>
 *
 * <p>AtomChat lists rows without an ORDER BY, so like any offset paging a walk may skip or repeat
 * users when the directory changes during it. Thread-safe.
 */
@Singleton
final class UserListing {

    /** Rows per listUsers request. */
    static final int WINDOW = 100;

    static final String LISTING = "users";

    private static final Logger LOG = LoggerFactory.getLogger(UserListing.class);

    /** How the vendor reads {@code offset}, once checked. */
    enum OffsetMode {
        /** Row offsets from 0, as the newest docs say. */
        ROW_OFFSET(0),
        /** Row offsets, but 0 is read as 1 (the 2018 router): window n starts at offset n*100+1. */
        ZERO_READ_AS_ONE(1);

        private final int shift;

        OffsetMode(int shift) {
            this.shift = shift;
        }
    }

    private final AtomChatApi api;
    private final HttpCallExecutor executor;
    private final AtomChatMapper wire;
    private final ErrorMapper errors;
    private final ProviderDescriptor descriptor;
    private final AtomicReference<OffsetMode> mode = new AtomicReference<>();

    @Inject
    private UserListing(
            AtomChatApi api,
            HttpCallExecutor executor,
            AtomChatMapper wire,
            ErrorMapper errors,
            ProviderDescriptor descriptor) {
        this.api = api;
        this.executor = executor;
        this.wire = wire;
        this.errors = errors;
        this.descriptor = descriptor;
    }

    /** One page of listUsers rows and the cursor of the next page. */
    record Slice(List<JsonNode> rows, Optional<String> nextCursor) {}

    /**
     * Reads one page of rows.
     *
     * @param pageSize rows wanted, at most {@value #WINDOW}
     * @param cursor the caller's cursor, empty for the first page
     * @return the rows (without a UID repeated within the page) and the next page's cursor
     */
    Slice read(int pageSize, Optional<String> cursor) {
        PageCursor start = PageCursor.resume(descriptor, LISTING, cursor, 0, pageSize);
        long position = start.position();
        List<JsonNode> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            long base = position - position % WINDOW;
            List<JsonNode> window = window(base);
            int index = (int) (position - base);
            for (int i = 0; i < Math.min(index, window.size()); i++) {
                seen.add(wire.uid(window.get(i)));
            }
            int before = rows.size();
            while (index < window.size() && rows.size() < pageSize) {
                JsonNode row = window.get(index++);
                if (seen.add(wire.uid(row))) {
                    rows.add(row);
                }
            }
            position = base + index;
            if (index < window.size()) {
                return new Slice(rows, Optional.of(start.at(position).encode()));
            }
            if (window.size() < WINDOW) {
                return new Slice(rows, Optional.empty());
            }
            if (rows.size() == before && before > 0) {
                throw errors.protocolError("listUsers repeated a whole window of rows", null);
            }
            if (rows.size() == pageSize) {
                // A full window ends exactly here: more rows may follow, the next page will tell.
                return new Slice(rows, Optional.of(start.at(position).encode()));
            }
        }
    }

    private List<JsonNode> window(long base) {
        long offset = base == 0 ? 0 : base + offsetMode().shift;
        return fetch(offset);
    }

    private List<JsonNode> fetch(long offset) {
        JsonNode success = executor.read(() -> api.listUsers(Form.of("offset", Long.toString(offset))
                .and("limit", Integer.toString(WINDOW))
                .fields()));
        return wire.rows(success);
    }

    private OffsetMode offsetMode() {
        OffsetMode known = mode.get();
        if (known != null) {
            return known;
        }
        List<JsonNode> first = fetch(0);
        if (first.size() < WINDOW) {
            // The directory shrank since the first window was read: nothing beyond it to check.
            return OffsetMode.ROW_OFFSET;
        }
        List<JsonNode> probe = fetch(WINDOW - 1);
        String probed = probe.isEmpty() ? null : wire.uid(probe.get(0));
        OffsetMode found;
        if (wire.uid(first.get(WINDOW - 1)).equals(probed)) {
            found = OffsetMode.ROW_OFFSET;
        } else if (wire.uid(first.get(WINDOW - 2)).equals(probed)) {
            found = OffsetMode.ZERO_READ_AS_ONE;
            LOG.warn(
                    "{}: listUsers reads offset 0 as 1, so the first user of the directory can not be listed",
                    errors.providerId());
        } else {
            throw errors.protocolError(
                    "listUsers does not read 'offset' as a row offset (the row at offset " + (WINDOW - 1)
                            + " is not one of the first page); listing users would skip or repeat some",
                    null);
        }
        mode.compareAndSet(null, found);
        return found;
    }
}
