package dev.chatdirectory.migrate.internal;

import static dev.chatdirectory.migrate.internal.Journal.SEP;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.Capabilities;
import dev.chatdirectory.Capability;
import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ChatDirectoryException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.ProviderUnavailableException;
import dev.chatdirectory.migrate.ApplyResult;
import dev.chatdirectory.migrate.Difference;
import dev.chatdirectory.migrate.EntityKind;
import dev.chatdirectory.migrate.IdProblem;
import dev.chatdirectory.migrate.Loss;
import dev.chatdirectory.migrate.LossKind;
import dev.chatdirectory.migrate.LossReport;
import dev.chatdirectory.migrate.MigrationListener;
import dev.chatdirectory.migrate.MigrationOptions;
import dev.chatdirectory.migrate.MigrationPlan;
import dev.chatdirectory.migrate.MigrationStatus.ItemState;
import dev.chatdirectory.migrate.Phase;
import dev.chatdirectory.migrate.Tally;
import dev.chatdirectory.migrate.UnacceptedLossException;
import dev.chatdirectory.migrate.VerifyReport;
import dev.chatdirectory.migrate.internal.Journal.Action;
import dev.chatdirectory.migrate.internal.Journal.Disposition;
import dev.chatdirectory.migrate.internal.Journal.ItemRow;
import dev.chatdirectory.migrate.internal.Journal.SourceRow;
import dev.chatdirectory.model.BannedMember;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberRole;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import dev.chatdirectory.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The migration engine: plans by streaming both directories into the journal, applies the planned
 * items under the write-ahead rule, and verifies.
 *
 * <p>Every plan reads the source and the target afresh, so the same call after a crash, a re-run
 * of a finished migration and a re-run after the source changed all send exactly what differs.
 * Groups whose id the target assigns carry a marker in their metadata; before planning, a group
 * left in flight by a crash is looked for through that marker, so a lost answer never becomes a
 * second group.
 *
 * <p>One engine runs one operation at a time; {@link #cancel()} may be called from any thread.
 */
public final class Engine {

    private static final int PAGE = 500;

    private final ChatDirectory source;
    private final ChatDirectory target;
    private final ProviderDescriptor from;
    private final ProviderDescriptor to;
    private final Journal journal;
    private final MigrationOptions options;
    private final Projection projection;
    private final IdTranslator translator;
    private final Redactor redactor;
    private final Progress progress;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * Creates an engine.
     *
     * @param source the directory read
     * @param target the directory written
     * @param journal the journal, whose run was checked
     * @param options the options
     * @param redactor makes failure reasons safe to journal
     * @param listener receives progress
     */
    public Engine(
            ChatDirectory source,
            ChatDirectory target,
            Journal journal,
            MigrationOptions options,
            Redactor redactor,
            MigrationListener listener) {
        this.source = source;
        this.target = target;
        this.from = source.provider();
        this.to = target.provider();
        this.journal = journal;
        this.options = options;
        this.projection = new Projection(from, to);
        this.translator = new IdTranslator(options.idMapping());
        this.redactor = redactor;
        this.progress = new Progress(listener);
    }

    /** Asks a running apply to stop after the requests in flight; safe from any thread. */
    public void cancel() {
        cancelled.set(true);
    }

    // ================================================================= plan

    /**
     * Reconciles groups left in flight, reads both directories and records what to do.
     *
     * @return the plan
     */
    public MigrationPlan plan() {
        reconcileAssignedGroups();
        snapshot();
        decide();
        return summary();
    }

    private void snapshot() {
        journal.clearSnapshot();
        progress.begin(Phase.READ_SOURCE, 0);
        readSourceUsers();
        blockCollisions(EntityKind.USER);
        readSourceGroups();
        blockCollisions(EntityKind.GROUP);
        readSourceMembersAndBans();
        journal.flush();
        progress.begin(Phase.READ_TARGET, 0);
        readTarget();
        journal.flush();
    }

    private void readSourceUsers() {
        UserQuery query = from.supports(Capability.USER_LIST_DEACTIVATED)
                ? UserQuery.builder().includeDeactivated(true).build()
                : UserQuery.all();
        try (Stream<User> users = everyField(source, from, source.users().stream(query))) {
            users.forEach(u -> {
                readSourceUser(u);
                progress.read();
            });
        }
    }

    /**
     * The listed users with every field: where listings leave some out (AtomChat's carry no avatar or
     * profile URL), each active user is read by id, one request per user, because a migration that
     * compared listings would drop those fields silently. Deactivated users cannot be read by id and
     * keep what the listing says; a user deleted in between keeps its listed form too.
     */
    private static Stream<User> everyField(ChatDirectory directory, ProviderDescriptor provider, Stream<User> listed) {
        if (provider.supports(Capability.USER_LIST_ALL_FIELDS)) {
            return listed;
        }
        return listed.map(
                u -> u.deactivated() ? u : directory.users().get(u.id()).orElse(u));
    }

    private void readSourceUser(User u) {
        IdTranslator.Result r = translator.translate(EntityKind.USER, u.id(), to.userIds());
        if (!r.ok()) {
            journal.putTargetId(EntityKind.USER, u.id(), null, null);
            journal.putIdProblem(new IdProblem(EntityKind.USER, u.id(), r.problem(), r.detail()));
            journal.putSource(new SourceRow(EntityKind.USER, u.id(), null, null, Disposition.BLOCKED, r.detail()));
            return;
        }
        journal.putTargetId(
                EntityKind.USER, u.id(), r.targetId(), r.derivation().name());
        if (u.deactivated() && !to.supports(Capability.USER_DEACTIVATION)) {
            journal.putSource(leftOut(EntityKind.USER, u.id(), LossKind.DEACTIVATED_USER));
            return;
        }
        journal.putSource(
                new SourceRow(EntityKind.USER, u.id(), r.targetId(), projection.user(u), Disposition.OK, null));
        fieldLosses(EntityKind.USER, Capabilities.carriedBy(u));
        if (u.createdAt().isPresent()) {
            journal.addLoss(EntityKind.USER, LossKind.CREATION_TIME, 1);
        }
        if (u.deactivated()) {
            journal.putSource(new SourceRow(EntityKind.DEACTIVATION, u.id(), r.targetId(), "{}", Disposition.OK, null));
            // Member listings hide deactivated users, so whatever groups the user was in cannot be read.
            journal.addLoss(EntityKind.USER, LossKind.DEACTIVATED_USER_MEMBERSHIPS, 1);
        }
    }

    private void readSourceGroups() {
        if (from.supports(Capability.GROUP_LIST)) {
            try (Stream<Group> groups = source.groups().stream(GroupQuery.all())) {
                groups.forEach(this::readSourceGroup);
            }
            return;
        }
        if (!from.supports(Capability.GROUPS_OF_MEMBER)) {
            return;
        }
        forEachSource(EntityKind.USER, row -> {
            try (Stream<Group> groups = source.groups().streamForMember(row.sourceKey(), PageRequest.first())) {
                groups.forEach(g -> {
                    if (journal.source(EntityKind.GROUP, g.id()).isEmpty()) {
                        readSourceGroup(g);
                    }
                });
            } catch (NotFoundException deactivatedOrGone) {
                // Deactivated users have no readable groups; their memberships are not listed either.
            }
        });
    }

    private void readSourceGroup(Group g) {
        progress.read();
        String targetId;
        if (to.supports(Capability.GROUP_CLIENT_IDS)) {
            IdTranslator.Result r = translator.translate(EntityKind.GROUP, g.id(), to.groupIds());
            if (!r.ok()) {
                journal.putTargetId(EntityKind.GROUP, g.id(), null, null);
                journal.putIdProblem(new IdProblem(EntityKind.GROUP, g.id(), r.problem(), r.detail()));
                journal.putSource(new SourceRow(EntityKind.GROUP, g.id(), null, null, Disposition.BLOCKED, r.detail()));
                return;
            }
            journal.putTargetId(
                    EntityKind.GROUP, g.id(), r.targetId(), r.derivation().name());
            targetId = r.targetId();
        } else {
            Optional<String> mapped = options.idMapping().targetId(EntityKind.GROUP, g.id());
            mapped.ifPresent(
                    m -> journal.putTargetId(EntityKind.GROUP, g.id(), m, IdTranslator.Derivation.MAPPED.name()));
            targetId = mapped.orElseGet(
                    () -> journal.targetId(EntityKind.GROUP, g.id()).orElse(null));
        }
        boolean password = options.groupPassword(g.id()).isPresent();
        Optional<GroupType> type = targetType(g.type(), password);
        if (type.isEmpty()) {
            journal.putSource(leftOut(EntityKind.GROUP, g.id(), LossKind.GROUP_LEFT_OUT));
            return;
        }
        Optional<String> ownerTarget = Optional.empty();
        if (g.ownerId().isPresent()) {
            if (!to.supports(Capability.GROUP_OWNER)) {
                journal.addLoss(EntityKind.GROUP, LossKind.GROUP_OWNER, 1);
            } else {
                Optional<SourceRow> owner =
                        journal.source(EntityKind.USER, g.ownerId().get());
                if (owner.isEmpty() || owner.get().disposition() == Disposition.BLOCKED) {
                    String note = "owner '" + g.ownerId().get() + "' is "
                            + (owner.isEmpty() ? "not among the source's users" : "held back");
                    journal.putSource(
                            new SourceRow(EntityKind.GROUP, g.id(), targetId, null, Disposition.BLOCKED, note));
                    return;
                }
                if (owner.get().disposition() == Disposition.LEFT_OUT) {
                    journal.addLoss(EntityKind.GROUP, LossKind.GROUP_OWNER, 1);
                } else {
                    ownerTarget = Optional.of(owner.get().targetKey());
                }
            }
        }
        if (type.get() != g.type()) {
            boolean passwordLost = g.type() == GroupType.PASSWORD && to.supports(Capability.GROUP_TYPE_PASSWORD);
            journal.addLoss(EntityKind.GROUP, passwordLost ? LossKind.GROUP_PASSWORD : LossKind.GROUP_TYPE, 1);
        }
        Set<Capability> carried = EnumSet.noneOf(Capability.class);
        carried.addAll(Capabilities.carriedBy(g));
        if (g.metadata().keySet().stream().allMatch(k -> k.equals(Projection.MARKER_KEY))) {
            // A migration's own marker is not the group's content.
            carried.remove(Capability.GROUP_METADATA);
        }
        fieldLosses(EntityKind.GROUP, carried);
        if (g.createdAt().isPresent()) {
            journal.addLoss(EntityKind.GROUP, LossKind.CREATION_TIME, 1);
        }
        journal.putSource(new SourceRow(
                EntityKind.GROUP,
                g.id(),
                targetId,
                projection.group(
                        g,
                        type.get(),
                        ownerTarget,
                        g.type() == GroupType.PASSWORD
                                && type.get() != GroupType.PASSWORD
                                && to.supports(Capability.GROUP_TYPE_PASSWORD)),
                Disposition.OK,
                null));
    }

    /**
     * The type a group gets in the target: its own, else a more restrictive one the target has
     * (public, then password, then private), else none. A password group without a supplied
     * password becomes private, since the source never reveals passwords.
     */
    private Optional<GroupType> targetType(GroupType type, boolean passwordSupplied) {
        boolean pub = to.supports(Capability.GROUP_TYPE_PUBLIC);
        boolean pwd = to.supports(Capability.GROUP_TYPE_PASSWORD);
        boolean prv = to.supports(Capability.GROUP_TYPE_PRIVATE);
        return switch (type) {
            case PUBLIC ->
                pub ? Optional.of(GroupType.PUBLIC) : prv ? Optional.of(GroupType.PRIVATE) : Optional.empty();
            case PASSWORD ->
                pwd && passwordSupplied
                        ? Optional.of(GroupType.PASSWORD)
                        : prv ? Optional.of(GroupType.PRIVATE) : Optional.empty();
            case PRIVATE -> prv ? Optional.of(GroupType.PRIVATE) : Optional.empty();
        };
    }

    private void readSourceMembersAndBans() {
        forEachSource(EntityKind.GROUP, group -> {
            try (Stream<Member> members = source.members().stream(group.sourceKey(), MemberQuery.all())) {
                members.forEach(m -> {
                    progress.read();
                    readSourceLink(
                            EntityKind.MEMBER,
                            group,
                            m.userId(),
                            m.role(),
                            m.joinedAt().isPresent());
                });
            }
            if (from.supports(Capability.MEMBER_BANS)) {
                try (Stream<BannedMember> bans =
                        source.members().streamBanned(group.sourceKey(), PageRequest.first())) {
                    bans.forEach(b -> {
                        progress.read();
                        readSourceLink(
                                EntityKind.BAN,
                                group,
                                b.userId(),
                                null,
                                b.bannedAt().isPresent());
                    });
                }
            }
        });
    }

    /** Records a membership or a ban, held back or left out with its group or user. */
    private void readSourceLink(EntityKind kind, SourceRow group, String userId, MemberRole role, boolean timed) {
        String key = group.sourceKey() + SEP + userId;
        Optional<SourceRow> user = journal.source(EntityKind.USER, userId);
        if (group.disposition() == Disposition.LEFT_OUT) {
            journal.putSource(leftOut(kind, key, LossKind.valueOf(group.note())));
            return;
        }
        if (group.disposition() == Disposition.BLOCKED
                || user.isEmpty()
                || user.get().disposition() == Disposition.BLOCKED) {
            String note = group.disposition() == Disposition.BLOCKED
                    ? "group held back"
                    : user.isEmpty() ? "user not among the source's users" : "user held back";
            journal.putSource(new SourceRow(kind, key, null, null, Disposition.BLOCKED, note));
            return;
        }
        if (user.get().disposition() == Disposition.LEFT_OUT) {
            journal.putSource(leftOut(kind, key, LossKind.valueOf(user.get().note())));
            return;
        }
        if (kind == EntityKind.BAN && !to.supports(Capability.MEMBER_BANS)) {
            journal.putSource(leftOut(kind, key, LossKind.BAN));
            return;
        }
        String targetKey = group.targetKey() == null
                ? null
                : group.targetKey() + SEP + user.get().targetKey();
        String content;
        if (kind == EntityKind.MEMBER) {
            if (role != MemberRole.PARTICIPANT
                    && from.supports(Capability.MEMBER_ROLES)
                    && !to.supports(Capability.MEMBER_ROLES)) {
                journal.addLoss(EntityKind.MEMBER, LossKind.MEMBER_ROLE, 1);
            }
            content = projection.member(role);
        } else {
            content = "{}";
        }
        if (timed) {
            journal.addLoss(kind, LossKind.CREATION_TIME, 1);
        }
        journal.putSource(new SourceRow(kind, key, targetKey, content, Disposition.OK, null));
    }

    private SourceRow leftOut(EntityKind kind, String key, LossKind loss) {
        journal.addLoss(kind, loss, 1);
        return new SourceRow(kind, key, null, null, Disposition.LEFT_OUT, loss.name());
    }

    /** Counts a loss for each field the entity carries whose capability the target lacks. */
    private void fieldLosses(EntityKind entity, Set<Capability> carried) {
        for (Capability capability : carried) {
            if (!to.supports(capability)) {
                journal.addLoss(entity, LossKind.ofField(capability), 1);
            }
        }
    }

    private void blockCollisions(EntityKind kind) {
        journal.flush();
        for (String[] c : journal.collisions(kind, Integer.MAX_VALUE)) {
            String detail = "'" + c[0] + "' and '" + c[1] + "' both become '" + c[2] + "'";
            journal.blockSource(kind, c[0], detail);
            if (kind == EntityKind.USER) {
                journal.blockSource(EntityKind.DEACTIVATION, c[0], detail);
            }
            journal.putIdProblem(new IdProblem(kind, c[0], IdProblem.Kind.COLLISION, detail));
        }
    }

    private void readTarget() {
        UserQuery query = to.supports(Capability.USER_LIST_DEACTIVATED)
                ? UserQuery.builder().includeDeactivated(true).build()
                : UserQuery.all();
        try (Stream<User> users = everyField(target, to, target.users().stream(query))) {
            users.forEach(u -> {
                progress.read();
                journal.putTarget(EntityKind.USER, u.id(), projection.user(u));
                if (u.deactivated()) {
                    journal.putTarget(EntityKind.DEACTIVATION, u.id(), "{}");
                }
            });
        }
        if (to.supports(Capability.GROUP_LIST)) {
            // One request per page of the target's groups instead of one read per source group.
            try (Stream<Group> groups = target.groups().stream(GroupQuery.all())) {
                groups.filter(g -> journal.isTargetOfSource(EntityKind.GROUP, g.id()))
                        .forEach(this::readTargetGroup);
            }
        } else {
            forEachSource(EntityKind.GROUP, row -> {
                if (row.targetKey() != null) {
                    target.groups().get(row.targetKey()).ifPresent(this::readTargetGroup);
                }
            });
        }
    }

    private void readTargetGroup(Group g) {
        progress.read();
        journal.putTarget(EntityKind.GROUP, g.id(), projection.group(g, g.type(), g.ownerId()));
        try (Stream<Member> members = target.members().stream(g.id(), MemberQuery.all())) {
            members.forEach(
                    m -> journal.putTarget(EntityKind.MEMBER, g.id() + SEP + m.userId(), projection.member(m.role())));
        }
        if (to.supports(Capability.MEMBER_BANS)) {
            try (Stream<BannedMember> bans = target.members().streamBanned(g.id(), PageRequest.first())) {
                bans.forEach(b -> journal.putTarget(EntityKind.BAN, g.id() + SEP + b.userId(), "{}"));
            }
        }
    }

    private void forEachSource(EntityKind kind, Consumer<SourceRow> action) {
        journal.flush();
        String after = "";
        while (true) {
            List<SourceRow> page = journal.sourcePage(kind, after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(action);
            after = page.get(page.size() - 1).sourceKey();
        }
    }

    private void decide() {
        for (EntityKind kind : EntityKind.values()) {
            forEachSource(kind, row -> decide(kind, row));
        }
        for (EntityKind kind : REMOVABLE) {
            decideRemovals(kind);
        }
        journal.flush();
    }

    /** The kinds whose removal in the source a migration can propagate, in the order it does. */
    private static final List<EntityKind> REMOVABLE =
            List.of(EntityKind.MEMBER, EntityKind.BAN, EntityKind.GROUP, EntityKind.USER);

    /**
     * Plans the removal of what the source held at an earlier plan and holds no more, where the
     * target still holds it: planned with {@link MigrationOptions#propagateRemovals()}, else kept
     * and reported. Only items this journal wrote or found in the target before are candidates, so
     * nothing the migration never matched (held back, left out) is ever touched.
     */
    private void decideRemovals(EntityKind kind) {
        String after = "";
        while (true) {
            List<ItemRow> page = journal.staleItems(kind, after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            for (ItemRow item : page) {
                boolean written = item.action() == Action.REMOVE
                        || switch (item.state()) {
                            case APPLIED, UNCHANGED, FAILED, IN_FLIGHT -> true;
                            default -> false;
                        };
                if (!written) {
                    continue;
                }
                boolean held = targetKeyOf(kind, item.sourceKey())
                        .flatMap(k -> journal.target(kind, k))
                        .isPresent();
                if (!held) {
                    if (item.action() == Action.REMOVE) {
                        journal.plan(kind, item.sourceKey(), Action.NONE, item.state(), null);
                    }
                } else if (!options.propagateRemovals()) {
                    journal.plan(
                            kind,
                            item.sourceKey(),
                            Action.REMOVE,
                            ItemState.KEPT,
                            "removed in the source; removals are not propagated");
                } else if (kind == EntityKind.GROUP && !to.supports(Capability.GROUP_DELETE)) {
                    journal.plan(
                            kind, item.sourceKey(), Action.REMOVE, ItemState.KEPT, "the target cannot delete groups");
                } else {
                    journal.plan(kind, item.sourceKey(), Action.REMOVE, ItemState.PLANNED, null);
                }
            }
            after = page.get(page.size() - 1).sourceKey();
        }
    }

    /** The target key of a source key, through the id map; empty if a part has no target id. */
    private Optional<String> targetKeyOf(EntityKind kind, String sourceKey) {
        if (kind == EntityKind.USER || kind == EntityKind.GROUP) {
            return journal.targetId(kind, sourceKey);
        }
        int sep = sourceKey.indexOf(SEP);
        Optional<String> group = journal.targetId(EntityKind.GROUP, sourceKey.substring(0, sep));
        Optional<String> user = journal.targetId(EntityKind.USER, sourceKey.substring(sep + 1));
        return group.isPresent() && user.isPresent() ? Optional.of(group.get() + SEP + user.get()) : Optional.empty();
    }

    private void decide(EntityKind kind, SourceRow row) {
        String key = row.sourceKey();
        Optional<ItemState> prior = journal.state(kind, key);
        if (row.disposition() == Disposition.BLOCKED) {
            journal.plan(kind, key, Action.NONE, ItemState.BLOCKED, row.note());
            return;
        }
        if (row.disposition() == Disposition.LEFT_OUT) {
            journal.plan(kind, key, Action.NONE, ItemState.LOST_BY_DECISION, row.note());
            return;
        }
        if (hiddenDeactivated(kind, key)) {
            journal.plan(kind, key, Action.NONE, done(kind, key, prior), null);
            return;
        }
        if ((kind == EntityKind.MEMBER || kind == EntityKind.BAN)
                && journal.state(EntityKind.GROUP, groupOf(key)).orElse(null) == ItemState.BLOCKED) {
            journal.plan(kind, key, Action.NONE, ItemState.BLOCKED, "group held back");
            return;
        }
        if (kind == EntityKind.GROUP
                && row.targetKey() == null
                && prior.orElse(null) == ItemState.IN_FLIGHT
                && !markersFindable()) {
            journal.plan(
                    kind,
                    key,
                    Action.NONE,
                    ItemState.BLOCKED,
                    "an earlier create may have reached the target, which assigns ids and keeps no marker;"
                            + " check the target and map this group with IdMapping");
            return;
        }
        Optional<String> there = row.targetKey() == null ? Optional.empty() : journal.target(kind, row.targetKey());
        if (there.isEmpty()) {
            journal.plan(kind, key, Action.CREATE, ItemState.PLANNED, null);
        } else if (!Projection.holds(row.content(), there.get())) {
            journal.plan(kind, key, Action.UPDATE, ItemState.PLANNED, null);
        } else {
            journal.plan(kind, key, Action.NONE, done(kind, key, prior), null);
        }
    }

    /**
     * The state of an item the target already holds: applied if this migration sent it a request
     * (possibly one whose answer was lost), else unchanged.
     */
    private ItemState done(EntityKind kind, String key, Optional<ItemState> prior) {
        boolean sent = prior.map(s -> s == ItemState.APPLIED || s == ItemState.IN_FLIGHT || s == ItemState.FAILED)
                        .orElse(false)
                && journal.attempts(kind, key) > 0;
        return sent ? ItemState.APPLIED : ItemState.UNCHANGED;
    }

    /**
     * Whether a user (or its deactivation) was deactivated by this migration in a target that
     * cannot list deactivated users: the target cannot show it, so the journal is trusted.
     */
    private boolean hiddenDeactivated(EntityKind kind, String key) {
        if (to.supports(Capability.USER_LIST_DEACTIVATED)
                || (kind != EntityKind.USER && kind != EntityKind.DEACTIVATION)) {
            return false;
        }
        Optional<ItemState> deactivation = journal.state(EntityKind.DEACTIVATION, key);
        return journal.source(EntityKind.DEACTIVATION, key).isPresent()
                && deactivation
                        .map(s -> s == ItemState.APPLIED || s == ItemState.UNCHANGED)
                        .orElse(false);
    }

    private MigrationPlan summary() {
        Map<EntityKind, Tally> tallies = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            Map<String, Long> c = journal.countByStateAndAction(kind);
            tallies.put(
                    kind,
                    new Tally(
                            c.getOrDefault("PLANNED/CREATE", 0L),
                            c.getOrDefault("PLANNED/UPDATE", 0L),
                            c.getOrDefault("UNCHANGED/NONE", 0L) + c.getOrDefault("APPLIED/NONE", 0L),
                            c.getOrDefault("BLOCKED/NONE", 0L),
                            c.getOrDefault("LOST_BY_DECISION/NONE", 0L),
                            c.getOrDefault("PLANNED/REMOVE", 0L),
                            c.getOrDefault("KEPT/REMOVE", 0L)));
        }
        List<String> notes = new ArrayList<>();
        if (!from.supports(Capability.USER_LIST_DEACTIVATED)) {
            notes.add("the source (" + from.id() + ") cannot list deactivated users: they are not read and not copied,"
                    + " nor their memberships and bans, which member listings hide");
        }
        if (!from.supports(Capability.GROUP_LIST) && !from.supports(Capability.GROUPS_OF_MEMBER)) {
            notes.add("the source (" + from.id() + ") cannot list groups: groups are not copied");
        }
        if (!to.supports(Capability.USER_LIST_DEACTIVATED) && to.supports(Capability.USER_DEACTIVATION)) {
            notes.add("the target (" + to.id()
                    + ") cannot list deactivated users: users this migration deactivated are trusted from the journal");
        }
        return new MigrationPlan(
                tallies,
                lossReport(),
                journal.idProblemCount(),
                journal.idProblems(MigrationPlan.MAX_LISTED_ID_PROBLEMS),
                notes);
    }

    private LossReport lossReport() {
        List<Loss> losses = new ArrayList<>();
        journal.losses().forEach((entity, kinds) -> kinds.forEach((kind, n) -> losses.add(new Loss(entity, kind, n))));
        return new LossReport(losses);
    }

    // ============================================================ reconcile

    /**
     * Finds groups whose create was in flight when a run stopped, in a target that assigns group
     * ids, through the marker the create wrote; records the found id so the plan does not create
     * the group again. A create that failed after its request was sent is left in flight too (see
     * {@code mayHaveCreatedAssignedGroup}), so a lost answer is found here like a crash.
     */
    private void reconcileAssignedGroups() {
        if (to.supports(Capability.GROUP_CLIENT_IDS) || !markersFindable()) {
            return;
        }
        String after = "";
        while (true) {
            List<ItemRow> page = journal.items(EntityKind.GROUP, ItemState.IN_FLIGHT, after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            for (ItemRow item : page) {
                if (journal.targetId(EntityKind.GROUP, item.sourceKey()).isPresent()) {
                    continue;
                }
                findByMarker(item).ifPresent(id -> journal.recordAssignedId(EntityKind.GROUP, item.sourceKey(), id));
            }
            after = page.get(page.size() - 1).sourceKey();
        }
    }

    /**
     * Whether a group created with a marker can be found again: the target keeps group metadata
     * and can list its groups, or the groups of the owner.
     */
    private boolean markersFindable() {
        return to.supports(Capability.GROUP_METADATA)
                && (to.supports(Capability.GROUP_LIST) || to.supports(Capability.GROUPS_OF_MEMBER));
    }

    private Optional<String> findByMarker(ItemRow item) {
        Stream<Group> candidates;
        if (to.supports(Capability.GROUP_LIST)) {
            candidates = target.groups().stream(GroupQuery.all());
        } else {
            Object owner = item.content() == null
                    ? null
                    : Json.parseObject(item.content()).get("ownerId");
            if (!(owner instanceof String ownerId) || !to.supports(Capability.GROUPS_OF_MEMBER)) {
                return Optional.empty();
            }
            candidates = target.groups().streamForMember(ownerId, PageRequest.first());
        }
        try (candidates) {
            return candidates
                    .filter(g -> item.sourceKey().equals(g.metadata().get(Projection.MARKER_KEY)))
                    .map(Group::id)
                    .findFirst();
        } catch (NotFoundException ownerGone) {
            return Optional.empty();
        }
    }

    // ================================================================ apply

    /**
     * Plans, refuses unaccepted losses, then writes users, groups, members, bans and deactivations.
     *
     * @return what was done
     * @throws UnacceptedLossException if the plan loses what the options do not accept; nothing is written
     */
    public ApplyResult apply() {
        cancelled.set(false);
        MigrationPlan plan = plan();
        var open = plan.losses().unaccepted(options.acceptedLosses());
        if (!open.isEmpty()) {
            throw new UnacceptedLossException(plan.losses(), open);
        }
        Outcomes outcomes = new Outcomes();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "chatdirectory-migrate");
            t.setDaemon(true);
            return t;
        });
        try {
            Workers workers = new Workers(pool, options.concurrency());
            runItems(workers, Phase.USERS, EntityKind.USER, 1, outcomes, this::writeUser);
            runItems(workers, Phase.GROUPS, EntityKind.GROUP, 1, outcomes, this::writeGroup);
            runItems(
                    workers,
                    Phase.MEMBERS,
                    EntityKind.MEMBER,
                    to.limits().maxBatchSize(),
                    outcomes,
                    this::writeMembers);
            runItems(workers, Phase.BANS, EntityKind.BAN, to.limits().maxBatchSize(), outcomes, this::writeBans);
            runItems(workers, Phase.DEACTIVATIONS, EntityKind.DEACTIVATION, 1, outcomes, this::writeDeactivation);
            for (EntityKind kind : REMOVABLE) {
                runItems(
                        workers,
                        Phase.REMOVALS,
                        kind,
                        true,
                        kind == EntityKind.MEMBER || kind == EntityKind.BAN
                                ? to.limits().maxBatchSize()
                                : 1,
                        outcomes,
                        this::writeRemovals);
            }
        } finally {
            pool.shutdown();
        }
        return new ApplyResult(plan, outcomes.applied(), outcomes.failed(), outcomes.failures(), cancelled.get());
    }

    /** Writes a batch of items of one kind and returns each item's state, by source key. */
    @FunctionalInterface
    private interface BatchWriter {
        Map<String, ItemState> write(List<ItemRow> batch);
    }

    private void runItems(
            Workers workers, Phase phase, EntityKind kind, int batchSize, Outcomes outcomes, BatchWriter writer) {
        runItems(workers, phase, kind, false, batchSize, outcomes, writer);
    }

    private void runItems(
            Workers workers,
            Phase phase,
            EntityKind kind,
            boolean removals,
            int batchSize,
            Outcomes outcomes,
            BatchWriter writer) {
        if (cancelled.get()) {
            return;
        }
        progress.begin(phase, journal.count(kind, ItemState.PLANNED, removals));
        String after = "";
        while (!cancelled.get()) {
            List<ItemRow> page = journal.items(kind, ItemState.PLANNED, removals, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (List<ItemRow> batch : batches(kind, page, batchSize)) {
                if (cancelled.get()) {
                    break;
                }
                workers.submit(() -> writeBatch(kind, batch, outcomes, writer));
            }
            after = page.get(page.size() - 1).sourceKey();
            workers.awaitAll();
        }
        workers.awaitAll();
    }

    /**
     * Splits a page into batches: one item each, or for memberships and bans, creates of one group
     * up to the batch size (role changes alone).
     */
    private static List<List<ItemRow>> batches(EntityKind kind, List<ItemRow> page, int batchSize) {
        List<List<ItemRow>> out = new ArrayList<>();
        List<ItemRow> current = new ArrayList<>();
        String group = null;
        for (ItemRow item : page) {
            String g =
                    kind == EntityKind.MEMBER || kind == EntityKind.BAN ? groupOf(item.sourceKey()) : item.sourceKey();
            boolean joinable = item.action() != Action.UPDATE && batchSize > 1;
            if (!current.isEmpty() && (!joinable || !g.equals(group) || current.size() >= batchSize)) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(item);
            group = g;
            if (!joinable) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private void writeBatch(EntityKind kind, List<ItemRow> batch, Outcomes outcomes, BatchWriter writer) {
        List<String> keys = batch.stream().map(ItemRow::sourceKey).toList();
        journal.markInFlight(kind, keys);
        Map<String, ItemState> states;
        try {
            states = writer.write(batch);
        } catch (ChatDirectoryException e) {
            String reason = redactor.reason(e);
            ItemState state = mayHaveCreatedAssignedGroup(kind, batch, e) ? ItemState.IN_FLIGHT : ItemState.FAILED;
            for (String key : keys) {
                journal.finish(kind, key, state, reason);
                outcomes.failed(kind, key, reason);
                progress.done(true);
            }
            return;
        }
        for (String key : keys) {
            ItemState state = states.get(key);
            if (state == null) {
                state = ItemState.FAILED;
            }
            String reason = state == ItemState.FAILED ? outcomes.reasonOf(key) : null;
            journal.finish(kind, key, state, reason);
            if (state == ItemState.FAILED) {
                outcomes.failed(kind, key, reason == null ? "no outcome reported" : reason);
            } else if (state == ItemState.APPLIED) {
                outcomes.applied(kind);
            }
            progress.done(state == ItemState.FAILED);
        }
    }

    /**
     * Whether a failed write may have created a group whose id the target assigns: the connection
     * broke or timed out, or the answer could not be read, after the request was sent. Such an item
     * stays in flight, as after a crash, so that the next run looks for the group through its marker
     * (or holds it back) instead of creating it a second time; a retry by id cannot find it.
     */
    private boolean mayHaveCreatedAssignedGroup(EntityKind kind, List<ItemRow> batch, ChatDirectoryException e) {
        return kind == EntityKind.GROUP
                && !to.supports(Capability.GROUP_CLIENT_IDS)
                && batch.stream().anyMatch(item -> item.action() == Action.CREATE)
                && (e instanceof ProviderUnavailableException || e instanceof ProviderProtocolException);
    }

    private Map<String, ItemState> writeUser(List<ItemRow> batch) {
        ItemRow item = batch.get(0);
        String targetId = journal.targetId(EntityKind.USER, item.sourceKey()).orElseThrow();
        Map<String, Object> content = Json.parseObject(item.content());
        if (item.action() == Action.CREATE) {
            UserCreate.Builder b = UserCreate.builder(targetId, (String) content.get("name"))
                    .avatarUrl((String) content.get("avatarUrl"))
                    .profileUrl((String) content.get("profileUrl"))
                    .email((String) content.get("email"))
                    .role((String) content.get("role"));
            b.metadata(metadataOf(content));
            try {
                target.users().create(b.build());
                return Map.of(item.sourceKey(), ItemState.APPLIED);
            } catch (AlreadyExistsException e) {
                return Map.of(
                        item.sourceKey(),
                        alreadyThere(item, target.users().get(targetId).map(projection::user)));
            }
        }
        Map<String, Object> there = Json.parseObject(item.targetContent());
        UserUpdate.Builder b = UserUpdate.builder();
        boolean any = false;
        if (!Objects.equals(content.get("name"), there.get("name"))) {
            b.name((String) content.get("name"));
            any = true;
        }
        any |= patch(content, there, "avatarUrl", b::avatarUrl, b::clearAvatarUrl);
        any |= patch(content, there, "profileUrl", b::profileUrl, b::clearProfileUrl);
        any |= patch(content, there, "email", b::email, b::clearEmail);
        if (content.containsKey("role")) {
            // Without a source role the target keeps its own (see Projection.holds).
            any |= patch(content, there, "role", b::role, b::clearRole);
        }
        if (!sameJson(content.get("metadata"), there.get("metadata"))) {
            if (content.containsKey("metadata")) {
                b.metadata(metadataOf(content));
            } else {
                b.clearMetadata();
            }
            any = true;
        }
        if (!any) {
            return Map.of(item.sourceKey(), ItemState.UNCHANGED);
        }
        target.users().update(targetId, b.build());
        return Map.of(item.sourceKey(), ItemState.APPLIED);
    }

    private Map<String, ItemState> writeGroup(List<ItemRow> batch) {
        ItemRow item = batch.get(0);
        String sourceId = item.sourceKey();
        Map<String, Object> content = Json.parseObject(item.content());
        GroupType type = GroupType.valueOf((String) content.get("type"));
        boolean assigned = !to.supports(Capability.GROUP_CLIENT_IDS);
        Optional<String> targetId = journal.targetId(EntityKind.GROUP, sourceId);
        Map<String, Object> metadata = new LinkedHashMap<>(metadataOf(content));
        if (assigned && to.supports(Capability.GROUP_METADATA)) {
            metadata.put(Projection.MARKER_KEY, sourceId);
        }
        if (item.action() == Action.CREATE) {
            GroupCreate.Builder b = assigned
                    ? GroupCreate.withoutId((String) content.get("name"), type)
                    : GroupCreate.builder(targetId.orElseThrow(), (String) content.get("name"), type);
            if (type == GroupType.PASSWORD) {
                b.password(options.groupPassword(sourceId).orElseThrow());
            }
            b.description((String) content.get("description"))
                    .iconUrl((String) content.get("iconUrl"))
                    .ownerId((String) content.get("ownerId"))
                    .metadata(metadata);
            try {
                Group created = target.groups().create(b.build());
                if (assigned) {
                    journal.recordAssignedId(EntityKind.GROUP, sourceId, created.id());
                }
                return Map.of(sourceId, ItemState.APPLIED);
            } catch (AlreadyExistsException e) {
                String id = targetId.orElseThrow(() -> e);
                return Map.of(
                        sourceId,
                        alreadyThere(
                                item, target.groups().get(id).map(g -> projection.group(g, g.type(), g.ownerId()))));
            }
        }
        String id = targetId.orElseThrow();
        Map<String, Object> there = Json.parseObject(item.targetContent());
        content = Projection.asHeldBy(content, there);
        type = GroupType.valueOf((String) content.get("type"));
        GroupUpdate.Builder b = GroupUpdate.builder();
        boolean any = false;
        if (!Objects.equals(content.get("name"), there.get("name"))) {
            b.name((String) content.get("name"));
            any = true;
        }
        if (!Objects.equals(content.get("type"), there.get("type"))) {
            b.type(type);
            if (type == GroupType.PASSWORD) {
                b.password(options.groupPassword(sourceId).orElseThrow());
            }
            any = true;
        }
        any |= patch(content, there, "description", b::description, b::clearDescription);
        any |= patch(content, there, "iconUrl", b::iconUrl, b::clearIconUrl);
        if (!sameJson(content.get("metadata"), there.get("metadata"))) {
            b.metadata(metadata);
            any = true;
        }
        if (any) {
            target.groups().update(id, b.build());
        }
        Object owner = content.get("ownerId");
        if (owner instanceof String o
                && !o.equals(there.get("ownerId"))
                && to.supports(Capability.GROUP_OWNER_TRANSFER)) {
            target.groups().transferOwnership(id, o);
            any = true;
        }
        return Map.of(sourceId, any ? ItemState.APPLIED : ItemState.UNCHANGED);
    }

    private Map<String, ItemState> writeMembers(List<ItemRow> batch) {
        String groupId = groupTarget(batch);
        Map<String, ItemState> states = new HashMap<>();
        if (batch.get(0).action() == Action.UPDATE) {
            ItemRow item = batch.get(0);
            MemberRole role = roleOf(item);
            ItemOutcome o = target.members().changeRole(groupId, userTarget(item), role);
            states.put(item.sourceKey(), stateOf(o, item.sourceKey()));
            return states;
        }
        Map<String, String> keyByUser = new LinkedHashMap<>();
        List<MemberSpec> specs = new ArrayList<>();
        for (ItemRow item : batch) {
            String user = userTarget(item);
            keyByUser.put(user, item.sourceKey());
            specs.add(
                    MemberSpec.of(user, to.supports(Capability.MEMBER_ROLES) ? roleOf(item) : MemberRole.PARTICIPANT));
        }
        BatchResult result = target.members().add(groupId, specs);
        for (ItemOutcome o : result.outcomes()) {
            String key = keyByUser.get(o.id());
            if (key != null) {
                states.put(key, stateOf(o, key));
            }
        }
        return states;
    }

    private Map<String, ItemState> writeBans(List<ItemRow> batch) {
        String groupId = groupTarget(batch);
        Map<String, String> keyByUser = new LinkedHashMap<>();
        for (ItemRow item : batch) {
            keyByUser.put(userTarget(item), item.sourceKey());
        }
        // Only members can be banned: a banned source user is no longer a member, so it joins first.
        BatchResult joined = target.members()
                .add(
                        groupId,
                        keyByUser.keySet().stream().map(MemberSpec::participant).toList());
        Map<String, ItemState> states = new HashMap<>();
        List<String> toBan = new ArrayList<>();
        for (ItemOutcome o : joined.outcomes()) {
            String key = keyByUser.get(o.id());
            if (key == null) {
                continue;
            }
            if (o.succeeded() || o.reason().orElse(null) == dev.chatdirectory.model.FailureReason.BANNED) {
                toBan.add(o.id());
            } else {
                states.put(key, stateOf(o, key));
            }
        }
        if (!toBan.isEmpty()) {
            for (ItemOutcome o : target.members().ban(groupId, toBan).outcomes()) {
                String key = keyByUser.get(o.id());
                if (key != null) {
                    states.put(key, stateOf(o, key));
                }
            }
        }
        return states;
    }

    private Map<String, ItemState> writeDeactivation(List<ItemRow> batch) {
        ItemRow item = batch.get(0);
        String targetId = journal.targetId(EntityKind.USER, item.sourceKey()).orElseThrow();
        return Map.of(item.sourceKey(), target.users().deactivate(targetId) ? ItemState.APPLIED : ItemState.UNCHANGED);
    }

    /** Removes from the target what the source no longer holds; a batch is of one kind and one group. */
    private Map<String, ItemState> writeRemovals(List<ItemRow> batch) {
        EntityKind kind = batch.get(0).kind();
        if (kind == EntityKind.USER || kind == EntityKind.GROUP) {
            ItemRow item = batch.get(0);
            String id = journal.targetId(kind, item.sourceKey()).orElseThrow();
            boolean removed = kind == EntityKind.USER
                    ? target.users().delete(id)
                    : target.groups().delete(id);
            return Map.of(item.sourceKey(), removed ? ItemState.APPLIED : ItemState.UNCHANGED);
        }
        String groupId = groupTarget(batch);
        Map<String, String> keyByUser = new LinkedHashMap<>();
        for (ItemRow item : batch) {
            keyByUser.put(userTarget(item), item.sourceKey());
        }
        BatchResult result = kind == EntityKind.MEMBER
                ? target.members().remove(groupId, keyByUser.keySet())
                : target.members().unban(groupId, keyByUser.keySet());
        Map<String, ItemState> states = new HashMap<>();
        for (ItemOutcome o : result.outcomes()) {
            String key = keyByUser.get(o.id());
            if (key != null) {
                states.put(key, stateOf(o, key));
            }
        }
        return states;
    }

    private ItemState alreadyThere(ItemRow item, Optional<String> there) {
        // The plan saw no such entity, so this is the lost answer of our own earlier attempt or a
        // write by someone else meanwhile; equal content is taken as ours, anything else is failed
        // for a person to look at rather than overwritten.
        if (there.isPresent() && Projection.holds(item.content(), there.get())) {
            return ItemState.APPLIED;
        }
        throw new AlreadyExistsException(
                "the target already holds '" + item.sourceKey() + "' with other content than the source's",
                dev.chatdirectory.ErrorContext.of(to.id()));
    }

    private ItemState stateOf(ItemOutcome o, String key) {
        return switch (o.status()) {
            case APPLIED, APPLIED_OR_UNCHANGED -> ItemState.APPLIED;
            case UNCHANGED -> ItemState.UNCHANGED;
            case FAILED -> {
                lastReasons.put(
                        key,
                        redactor.reason(
                                o.reason().orElseThrow() + ": " + o.message().orElse("")));
                yield ItemState.FAILED;
            }
        };
    }

    private final Map<String, String> lastReasons = new java.util.concurrent.ConcurrentHashMap<>();

    private String groupTarget(List<ItemRow> batch) {
        String group = groupOf(batch.get(0).sourceKey());
        return journal.targetId(EntityKind.GROUP, group)
                .orElseThrow(() -> new NotFoundException(
                        "group '" + group + "' has no id in the target (it was not created)",
                        dev.chatdirectory.ErrorContext.of(to.id())));
    }

    private String userTarget(ItemRow item) {
        String user = item.sourceKey().substring(item.sourceKey().indexOf(SEP) + 1);
        return journal.targetId(EntityKind.USER, user).orElseThrow();
    }

    private static String groupOf(String key) {
        return key.substring(0, key.indexOf(SEP));
    }

    private static MemberRole roleOf(ItemRow item) {
        Object role = Json.parseObject(item.content()).get("role");
        return role == null ? MemberRole.PARTICIPANT : MemberRole.valueOf((String) role);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadataOf(Map<String, Object> content) {
        Object m = content.get("metadata");
        return m == null ? Map.of() : (Map<String, Object>) m;
    }

    private static boolean sameJson(Object a, Object b) {
        return Objects.equals(a == null ? null : Json.canonical(a), b == null ? null : Json.canonical(b));
    }

    private static boolean patch(
            Map<String, Object> content,
            Map<String, Object> there,
            String field,
            Consumer<String> set,
            Runnable clear) {
        Object want = content.get(field);
        if (Objects.equals(want, there.get(field))) {
            return false;
        }
        if (want == null) {
            clear.run();
        } else {
            set.accept((String) want);
        }
        return true;
    }

    // =============================================================== verify

    /**
     * Reads both directories afresh and compares them entity by entity through the id map.
     *
     * @return the report
     */
    public VerifyReport verify() {
        snapshot();
        Map<EntityKind, Long> checked = new EnumMap<>(EntityKind.class);
        List<Difference> differences = new ArrayList<>();
        AtomicLong differenceCount = new AtomicLong();
        AtomicLong heldBack = new AtomicLong();
        AtomicLong unverifiable = new AtomicLong();
        for (EntityKind kind : EntityKind.values()) {
            forEachSource(kind, row -> {
                switch (row.disposition()) {
                    case BLOCKED -> heldBack.incrementAndGet();
                    case LEFT_OUT -> {}
                    case OK -> {
                        if (journal.state(kind, row.sourceKey()).orElse(null) == ItemState.BLOCKED) {
                            heldBack.incrementAndGet();
                            return;
                        }
                        if (hiddenDeactivated(kind, row.sourceKey())) {
                            unverifiable.incrementAndGet();
                            return;
                        }
                        checked.merge(kind, 1L, Long::sum);
                        Optional<String> there =
                                row.targetKey() == null ? Optional.empty() : journal.target(kind, row.targetKey());
                        Difference d = null;
                        String key = row.sourceKey().replace(SEP, " / ");
                        if (there.isEmpty()) {
                            d = new Difference(kind, key, Difference.Kind.MISSING, "not in the target");
                        } else if (!Projection.holds(row.content(), there.get())) {
                            d = new Difference(
                                    kind,
                                    key,
                                    Difference.Kind.DIFFERENT,
                                    Projection.differences(row.content(), there.get()));
                        }
                        if (d != null && differenceCount.incrementAndGet() <= VerifyReport.MAX_LISTED_DIFFERENCES) {
                            differences.add(d);
                        }
                    }
                }
            });
        }
        return new VerifyReport(
                checked, differenceCount.get(), differences, heldBack.get(), unverifiable.get(), lossReport());
    }

    // ============================================================== helpers

    /** Runs tasks on a pool, at most N at once; the first unexpected throwable stops the run. */
    private final class Workers {
        private final ExecutorService pool;
        private final Semaphore slots;
        private final int size;
        private final AtomicReference<Throwable> crash = new AtomicReference<>();

        Workers(ExecutorService pool, int size) {
            this.pool = pool;
            this.size = size;
            this.slots = new Semaphore(size);
        }

        void submit(Runnable task) {
            slots.acquireUninterruptibly();
            if (crash.get() != null) {
                slots.release();
                rethrow();
            }
            pool.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    // Not a provider error: the process is in trouble. The item stays in flight in
                    // the journal, to be reconciled by the next run, as after a crash.
                    crash.compareAndSet(null, t);
                    cancelled.set(true);
                } finally {
                    slots.release();
                }
            });
        }

        void awaitAll() {
            slots.acquireUninterruptibly(size);
            slots.release(size);
            rethrow();
        }

        private void rethrow() {
            Throwable t = crash.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Counts per kind and keeps the first failures. */
    private final class Outcomes {
        private final Map<EntityKind, AtomicLong> applied = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<EntityKind, AtomicLong> failed = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

        void applied(EntityKind kind) {
            applied.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        void failed(EntityKind kind, String key, String reason) {
            failed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (failures.size() < ApplyResult.MAX_LISTED_FAILURES) {
                failures.add(kind.name().toLowerCase() + " " + key.replace(SEP, " / ") + ": " + reason);
            }
        }

        String reasonOf(String key) {
            return lastReasons.remove(key);
        }

        Map<EntityKind, Long> applied() {
            return snapshot(applied);
        }

        Map<EntityKind, Long> failed() {
            return snapshot(failed);
        }

        List<String> failures() {
            synchronized (failures) {
                return List.copyOf(failures);
            }
        }

        private Map<EntityKind, Long> snapshot(Map<EntityKind, AtomicLong> counts) {
            Map<EntityKind, Long> out = new EnumMap<>(EntityKind.class);
            counts.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }
    }
}
