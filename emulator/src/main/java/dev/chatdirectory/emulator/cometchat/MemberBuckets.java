package dev.chatdirectory.emulator.cometchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four UID lists of an add-members request ({@code admins}, {@code moderators},
 * {@code participants}, {@code usersToBan}), as sent to {@code POST /groups/{guid}/members} or
 * inside {@code members} of {@code POST /groups}.
 *
 * @param admins UIDs to add as admins
 * @param moderators UIDs to add as moderators
 * @param participants UIDs to add as participants
 * @param usersToBan UIDs to ban
 */
record MemberBuckets(List<String> admins, List<String> moderators, List<String> participants, List<String> usersToBan) {

    /** At most this many UIDs across the four lists per call (documented). */
    static final int MAX_UIDS = 25;

    private static final List<String> FIELDS = List.of("admins", "moderators", "participants", "usersToBan");

    /**
     * Reads and validates the lists.
     *
     * @param source the object holding the lists
     * @param prefix prefix of the field names in validation details: empty, or {@code members.}
     * @param v collects failures
     * @param requireOne whether at least one list must be given (the add-members endpoint)
     */
    static MemberBuckets read(ObjectNode source, String prefix, Validation v, boolean requireOne) {
        ObjectNode named = WireFormat.object();
        FIELDS.forEach(f -> {
            if (source.has(f)) {
                named.set(prefix + f, source.get(f));
            }
        });
        List<List<String>> lists = new ArrayList<>();
        for (String field : FIELDS) {
            List<String> uids = v.optionalStringList(named, prefix + field, 0, 0);
            lists.add(uids == null ? List.of() : lowerCaseDistinct(uids));
        }
        MemberBuckets buckets = new MemberBuckets(lists.get(0), lists.get(1), lists.get(2), lists.get(3));
        if (requireOne && buckets.total() == 0 && FIELDS.stream().noneMatch(f -> v.failed(prefix + f))) {
            // Laravel's required_without_all, as each list is optional on its own.
            for (String field : FIELDS) {
                List<String> others = FIELDS.stream()
                        .filter(f -> !f.equals(field))
                        .map(Validation::displayName)
                        .toList();
                v.fail(
                        prefix + field,
                        "The :attribute field is required when none of " + String.join(" / ", others)
                                + " are present.");
            }
        }
        if (buckets.total() > MAX_UIDS) {
            // [I] the limit is documented, its message is not.
            v.fail("members", "The :attribute may not have more than " + MAX_UIDS + " items.");
        }
        return buckets;
    }

    /** Returns the number of UIDs across the four lists. */
    int total() {
        return admins.size() + moderators.size() + participants.size() + usersToBan.size();
    }

    /**
     * Returns the UIDs to add by bucket name, each UID only in the bucket of its highest scope
     * (admin &gt; moderator &gt; participant, documented), in request order.
     */
    Map<String, Map<String, Scope>> additions() {
        Map<String, Scope> highest = new LinkedHashMap<>();
        admins.forEach(uid -> highest.merge(uid, Scope.ADMIN, Scope::max));
        moderators.forEach(uid -> highest.merge(uid, Scope.MODERATOR, Scope::max));
        participants.forEach(uid -> highest.merge(uid, Scope.PARTICIPANT, Scope::max));
        Map<String, Map<String, Scope>> byBucket = new LinkedHashMap<>();
        collect(byBucket, "admins", admins, Scope.ADMIN, highest);
        collect(byBucket, "moderators", moderators, Scope.MODERATOR, highest);
        collect(byBucket, "participants", participants, Scope.PARTICIPANT, highest);
        return byBucket;
    }

    private static void collect(
            Map<String, Map<String, Scope>> byBucket,
            String bucket,
            List<String> uids,
            Scope scope,
            Map<String, Scope> highest) {
        Map<String, Scope> winners = new LinkedHashMap<>();
        uids.stream().filter(uid -> highest.get(uid) == scope).forEach(uid -> winners.put(uid, scope));
        if (!winners.isEmpty()) {
            byBucket.put(bucket, winners);
        }
    }

    private static List<String> lowerCaseDistinct(List<String> uids) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        uids.forEach(uid -> distinct.add(uid.toLowerCase(Locale.ROOT)));
        return List.copyOf(distinct);
    }
}
