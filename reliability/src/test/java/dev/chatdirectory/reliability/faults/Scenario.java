package dev.chatdirectory.reliability.faults;

import static dev.chatdirectory.model.OutcomeStatus.APPLIED;
import static dev.chatdirectory.model.OutcomeStatus.APPLIED_OR_UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatdirectory.ChatDirectory;
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
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.PageRequest;
import dev.chatdirectory.model.Presence;
import dev.chatdirectory.model.User;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.model.UserUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run of one operation on a fixture of its own: what it calls, how its result and the vendor's
 * state are checked. The fixture is built, and the state read back, through a directory that talks
 * to the emulator directly, so neither is counted nor faulted.
 */
interface Scenario {

    /**
     * Runs the operation.
     *
     * @param directory the directory under test, behind the fault proxy
     * @return its result
     */
    Object run(ChatDirectory directory);

    /**
     * Checks the result of a successful run.
     *
     * @param result what {@link #run} returned
     * @param lossy whether an answer may have been lost, so that "applied or unchanged" is acceptable
     */
    void checkResult(Object result, boolean lossy);

    /**
     * Checks the vendor's state: the write applied exactly once, or not at all. Reads check nothing.
     *
     * @param applied whether the write must be in the state
     */
    void checkState(boolean applied);

    /** {@return the item whose per-item outcome reports a failure, for operations with batch results} */
    default Optional<String> item() {
        return Optional.empty();
    }

    /** The look-up a guarded create makes after an ambiguous failure, run through the directory under test. */
    default void lookUp(ChatDirectory directory) {
        throw new UnsupportedOperationException("not a create");
    }

    /** Builds a fresh fixture for one run. */
    @FunctionalInterface
    interface Factory {
        Scenario prepare(Fixtures fixtures);
    }

    // ------------------------------------------------------------------ users

    static Scenario userGet(Fixtures f) {
        String id = f.user("read").id();
        return read(
                d -> d.users().get(id),
                r -> assertThat((Optional<?>) r)
                        .as("the user read")
                        .hasValueSatisfying(u -> assertThat(((User) u).id()).isEqualTo(id)));
    }

    static Scenario userList(Fixtures f) {
        f.user("listed");
        return read(
                d -> d.users().list(UserQuery.builder().pageSize(5).build()),
                r -> assertThat(((Page<?>) r).items()).as("users listed").isNotEmpty());
    }

    static Scenario userCreate(Fixtures f) {
        String id = f.id("new");
        return new Scenario() {
            @Override
            public Object run(ChatDirectory d) {
                return d.users().create(UserCreate.builder(id, "Zoë " + id).build());
            }

            @Override
            public void checkResult(Object result, boolean lossy) {
                assertThat(((User) result).id()).as("the created user's id").isEqualTo(id);
            }

            @Override
            public void checkState(boolean applied) {
                assertThat(f.clean().users().get(id).isPresent())
                        .as("user %s at the vendor", id)
                        .isEqualTo(applied);
            }

            @Override
            public void lookUp(ChatDirectory d) {
                d.users().get(id);
            }
        };
    }

    static Scenario userUpdate(Fixtures f) {
        String id = f.user("renamed").id();
        String name = "Renamed " + id;
        return write(
                d -> d.users().update(id, UserUpdate.builder().name(name).build()),
                (r, lossy) -> assertThat(((User) r).name()).isEqualTo(name),
                applied -> assertThat(f.clean().users().get(id).orElseThrow().name())
                        .as("the user's name at the vendor")
                        .isEqualTo(applied ? name : "User " + id));
    }

    static Scenario userDelete(Fixtures f) {
        return hidingUser(f, "deleted", (d, id) -> d.users().delete(id));
    }

    static Scenario userDeactivate(Fixtures f) {
        return hidingUser(f, "sleeper", (d, id) -> d.users().deactivate(id));
    }

    /** Deleting and deactivating alike: the call returns true and the user is no longer found. */
    private static Scenario hidingUser(Fixtures f, String key, BiFunction<ChatDirectory, String, Boolean> call) {
        String id = f.user(key).id();
        return write(
                d -> call.apply(d, id),
                (r, lossy) -> assertThat((Boolean) r).as("the call's result").isTrue(),
                applied -> assertThat(f.clean().users().get(id).isPresent())
                        .as("user %s found", id)
                        .isEqualTo(!applied));
    }

    static Scenario presence(Fixtures f) {
        String id = f.user("present").id();
        return read(d -> d.presence().get(List.of(id)), r -> {
            @SuppressWarnings("unchecked")
            Map<String, Presence> presence = (Map<String, Presence>) r;
            assertThat(presence).as("presence").containsOnlyKeys(id);
            assertThat(presence.get(id).userId()).isEqualTo(id);
        });
    }

    // ------------------------------------------------------------------ groups

    static Scenario groupGet(Fixtures f) {
        String id = f.group("read").id();
        return read(
                d -> d.groups().get(id),
                r -> assertThat((Optional<?>) r)
                        .hasValueSatisfying(g -> assertThat(((Group) g).id()).isEqualTo(id)));
    }

    static Scenario groupList(Fixtures f) {
        f.group("listed");
        return read(
                d -> d.groups().list(GroupQuery.builder().pageSize(5).build()),
                r -> assertThat(((Page<?>) r).items()).as("groups listed").isNotEmpty());
    }

    static Scenario groupCreate(Fixtures f) {
        String owner = f.user("owner").id();
        String name = "Group " + f.id("new");
        Optional<String> id = f.clientGroupIds() ? Optional.of(f.id("g")) : Optional.empty();
        GroupCreate request = id.map(i -> GroupCreate.builder(i, name, GroupType.PRIVATE))
                .orElseGet(() -> GroupCreate.withoutId(name, GroupType.PRIVATE))
                .ownerId(owner)
                .build();
        return new Scenario() {
            @Override
            public Object run(ChatDirectory d) {
                return d.groups().create(request);
            }

            @Override
            public void checkResult(Object result, boolean lossy) {
                assertThat(((Group) result).name())
                        .as("the created group's name")
                        .isEqualTo(name);
            }

            @Override
            public void checkState(boolean applied) {
                if (id.isPresent()) {
                    assertThat(f.clean().groups().get(id.get()).isPresent())
                            .as("group %s at the vendor", id.get())
                            .isEqualTo(applied);
                    return;
                }
                // Counted by name among the owner's groups: a create applied twice makes two rooms
                // where the vendor assigns ids.
                long copies = f.clean()
                        .groups()
                        .streamForMember(owner, PageRequest.first())
                        .filter(g -> g.name().equals(name))
                        .count();
                assertThat(copies).as("groups named %s at the vendor", name).isEqualTo(applied ? 1 : 0);
            }

            @Override
            public void lookUp(ChatDirectory d) {
                // Only creates with a client-chosen id can be looked up, and only they are guarded.
                d.groups().get(id.orElseThrow());
            }
        };
    }

    static Scenario groupUpdate(Fixtures f) {
        Group group = f.group("renamed");
        String name = "Renamed " + group.name();
        return write(
                d -> d.groups()
                        .update(group.id(), GroupUpdate.builder().name(name).build()),
                (r, lossy) -> assertThat(((Group) r).name()).isEqualTo(name),
                applied -> assertThat(
                                f.clean().groups().get(group.id()).orElseThrow().name())
                        .isEqualTo(applied ? name : group.name()));
    }

    static Scenario groupDelete(Fixtures f) {
        String id = f.group("deleted").id();
        return write(
                d -> d.groups().delete(id),
                (r, lossy) -> assertThat((Boolean) r).as("delete's result").isTrue(),
                applied -> assertThat(f.clean().groups().get(id).isPresent())
                        .as("group %s found", id)
                        .isEqualTo(!applied));
    }

    // ------------------------------------------------------------------ members

    static Scenario memberList(Fixtures f) {
        String group = f.group("listed").id();
        String member = f.member(group, "listed");
        return read(
                d -> d.members().list(group, MemberQuery.all()),
                r -> assertThat(((Page<?>) r).items().stream().map(m -> ((Member) m).userId()))
                        .contains(member));
    }

    static Scenario memberAdd(Fixtures f) {
        String group = f.group("joined").id();
        String user = f.user("joining").id();
        return batch(
                user,
                d -> d.members().add(group, List.of(MemberSpec.participant(user))),
                applied -> assertThat(f.memberIds(group).stream().filter(user::equals))
                        .as("%s among the members", user)
                        .hasSize(applied ? 1 : 0));
    }

    static Scenario memberRemove(Fixtures f) {
        String group = f.group("left").id();
        String user = f.member(group, "leaving");
        return batch(
                user,
                d -> d.members().remove(group, List.of(user)),
                applied -> assertThat(f.memberIds(group).stream().filter(user::equals))
                        .hasSize(applied ? 0 : 1));
    }

    static Scenario memberRole(Fixtures f) {
        String group = f.group("promoting").id();
        String user = f.member(group, "promoted");
        return new Scenario() {
            @Override
            public Object run(ChatDirectory d) {
                return new BatchResult(List.of(d.members().changeRole(group, user, MemberRole.MODERATOR)));
            }

            @Override
            public void checkResult(Object result, boolean lossy) {
                checkApplied((BatchResult) result, user, lossy);
            }

            @Override
            public void checkState(boolean applied) {
                MemberRole role = f.clean().members().stream(group, MemberQuery.all())
                        .filter(m -> m.userId().equals(user))
                        .findFirst()
                        .orElseThrow()
                        .role();
                assertThat(role).isEqualTo(applied ? MemberRole.MODERATOR : MemberRole.PARTICIPANT);
            }

            @Override
            public Optional<String> item() {
                return Optional.of(user);
            }
        };
    }

    static Scenario ban(Fixtures f) {
        String group = f.group("banning").id();
        String user = f.member(group, "banned");
        return batch(user, d -> d.members().ban(group, List.of(user)), applied -> {
            assertThat(f.clean()
                            .members()
                            .streamBanned(group, PageRequest.first())
                            .map(BannedMember::userId)
                            .filter(user::equals))
                    .as("%s among the banned", user)
                    .hasSize(applied ? 1 : 0);
            assertThat(f.memberIds(group).stream().filter(user::equals)).hasSize(applied ? 0 : 1);
        });
    }

    // ------------------------------------------------------------------ shapes

    private static Scenario read(Function<ChatDirectory, Object> call, Consumer<Object> check) {
        return new Scenario() {
            @Override
            public Object run(ChatDirectory d) {
                return call.apply(d);
            }

            @Override
            public void checkResult(Object result, boolean lossy) {
                check.accept(result);
            }

            @Override
            public void checkState(boolean applied) {}
        };
    }

    private static Scenario write(
            Function<ChatDirectory, Object> call, BiConsumer<Object, Boolean> check, Consumer<Boolean> state) {
        return new Scenario() {
            @Override
            public Object run(ChatDirectory d) {
                return call.apply(d);
            }

            @Override
            public void checkResult(Object result, boolean lossy) {
                check.accept(result, lossy);
            }

            @Override
            public void checkState(boolean applied) {
                state.accept(applied);
            }
        };
    }

    private static Scenario batch(String item, Function<ChatDirectory, Object> call, Consumer<Boolean> state) {
        return new Scenario() {
            @Override
            public Object run(ChatDirectory d) {
                return call.apply(d);
            }

            @Override
            public void checkResult(Object result, boolean lossy) {
                checkApplied((BatchResult) result, item, lossy);
            }

            @Override
            public void checkState(boolean applied) {
                state.accept(applied);
            }

            @Override
            public Optional<String> item() {
                return Optional.of(item);
            }
        };
    }

    private static void checkApplied(BatchResult result, String item, boolean lossy) {
        OutcomeStatus[] allowed =
                lossy ? new OutcomeStatus[] {APPLIED, APPLIED_OR_UNCHANGED} : new OutcomeStatus[] {APPLIED};
        assertThat(result.outcomes())
                .as("outcomes")
                .singleElement()
                .satisfies(o -> assertThat(o.id()).isEqualTo(item))
                .extracting(ItemOutcome::status)
                .isIn((Object[]) allowed);
    }
}
