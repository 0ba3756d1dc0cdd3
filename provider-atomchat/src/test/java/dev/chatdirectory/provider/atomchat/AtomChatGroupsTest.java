package dev.chatdirectory.provider.atomchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatdirectory.AlreadyExistsException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.UnsupportedCapabilityException;
import dev.chatdirectory.model.Group;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupQuery;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.GroupUpdate;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("AtomChat groups against the emulator")
class AtomChatGroupsTest extends EmulatorTestBase {

    private static final String GUID = "équipe & co=1+2";

    @Nested
    @DisplayName("creating")
    class Creating {

        @Test
        @DisplayName("groups of all three types read back with their type, and a password is never exposed")
        void everyType() {
            Group open = directory
                    .groups()
                    .create(GroupCreate.builder("g0", "Public, ☕", GroupType.PUBLIC)
                            .build());
            Group locked = directory
                    .groups()
                    .create(GroupCreate.builder("g1", "Password", GroupType.PASSWORD)
                            .password("s3cret pass&word")
                            .build());
            Group hidden = directory
                    .groups()
                    .create(GroupCreate.builder("g4", "Private", GroupType.PRIVATE)
                            .build());
            assertThat(open.type()).isEqualTo(GroupType.PUBLIC);
            assertThat(open.name()).isEqualTo("Public, ☕");
            assertThat(locked.type()).isEqualTo(GroupType.PASSWORD);
            assertThat(locked.raw()).doesNotContainKey("password");
            assertThat(locked.toString()).doesNotContain("s3cret");
            assertThat(hidden.type()).isEqualTo(GroupType.PRIVATE);
            assertThat(requestsTo("createGroup"))
                    .extracting(r -> r.formParameters().get("type").firstValue())
                    .containsExactly("0", "1", "4");
            assertThat(requestsTo("createGroup")
                            .get(1)
                            .formParameters()
                            .get("password")
                            .firstValue())
                    .isEqualTo("s3cret pass&word");
        }

        @Test
        @DisplayName("stores the owner through createdby, after checking the owner exists")
        void owner() {
            createUsers("owner 1");
            Group group = directory
                    .groups()
                    .create(GroupCreate.builder(GUID, "Owned", GroupType.PUBLIC)
                            .ownerId("owner 1")
                            .build());
            assertThat(group.id()).isEqualTo(GUID);
            assertThat(group.ownerId()).contains("owner 1");
            assertThat(directory.groups().get(GUID).flatMap(Group::ownerId)).contains("owner 1");
        }

        @Test
        @DisplayName("a group whose owner does not exist is not created")
        void unknownOwner() {
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.builder(GUID, "Owned", GroupType.PUBLIC)
                                    .ownerId("ghost")
                                    .build()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost");
            assertThat(requestsTo("createGroup")).isEmpty();
            assertThat(directory.groups().get(GUID)).isEmpty();
        }

        @Test
        @DisplayName("a group without an owner reads back without one (AtomChat's system group)")
        void systemGroup() {
            assertThat(directory
                            .groups()
                            .create(GroupCreate.builder(GUID, "System", GroupType.PUBLIC)
                                    .build())
                            .ownerId())
                    .isEmpty();
        }

        @Test
        @DisplayName("a request without an id gets a generated GUID")
        void generatedId() {
            Group a = directory
                    .groups()
                    .create(GroupCreate.withoutId("A", GroupType.PUBLIC).build());
            Group b = directory
                    .groups()
                    .create(GroupCreate.withoutId("B", GroupType.PUBLIC).build());
            assertThat(a.id()).isNotBlank().isNotEqualTo(b.id());
            assertThat(directory.groups().get(a.id())).contains(a);
        }

        @Test
        @DisplayName("a taken GUID fails with AlreadyExistsException")
        void duplicate() {
            createGroup(GUID);
            assertThatThrownBy(() -> createGroup(GUID)).isInstanceOf(AlreadyExistsException.class);
        }

        @Test
        @DisplayName("description, icon and metadata are refused before anything is sent")
        void unsupportedFields() {
            forgetRequests();
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.builder(GUID, "G", GroupType.PUBLIC)
                                    .description("d")
                                    .build()))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> directory
                            .groups()
                            .create(GroupCreate.builder(GUID, "G", GroupType.PUBLIC)
                                    .metadata(Map.of("k", 1))
                                    .build()))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(requests()).isEmpty();
        }
    }

    @Nested
    @DisplayName("reading and listing")
    class ReadingAndListing {

        @Test
        @DisplayName("an unknown GUID gives an empty Optional")
        void unknown() {
            createGroup("other");
            assertThat(directory.groups().get("nothing")).isEmpty();
        }

        @Test
        @DisplayName("lists every group in pages sorted by GUID, filtered by type when asked")
        void listing() {
            for (String id : List.of("c", "a", "e", "b", "d")) {
                createGroup(id);
            }
            directory
                    .groups()
                    .create(GroupCreate.builder("p", "Private", GroupType.PRIVATE)
                            .build());
            List<String> walked = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                GroupQuery query = GroupQuery.all().withPageSize(2);
                Page<Group> page =
                        directory.groups().list(cursor.map(query::withCursor).orElse(query));
                assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
                page.items().forEach(g -> walked.add(g.id()));
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            assertThat(walked).containsExactly("a", "b", "c", "d", "e", "p");
            assertThat(directory.groups().stream(
                                    GroupQuery.builder().type(GroupType.PRIVATE).build())
                            .map(Group::id))
                    .containsExactly("p");
        }
    }

    @Nested
    @DisplayName("updating")
    class Updating {

        @Test
        @DisplayName("renames a group and keeps its type and owner")
        void rename() {
            createUsers("owner");
            Group original = directory
                    .groups()
                    .create(GroupCreate.builder(GUID, "Old", GroupType.PRIVATE)
                            .ownerId("owner")
                            .build());
            Group renamed = directory
                    .groups()
                    .update(GUID, GroupUpdate.builder().name("Nouveau nom, ✓").build());
            assertThat(renamed.name()).isEqualTo("Nouveau nom, ✓");
            assertThat(renamed.type()).isEqualTo(GroupType.PRIVATE);
            assertThat(renamed.ownerId()).isEqualTo(original.ownerId());
            assertThat(requestsTo("updateGroup")
                            .get(0)
                            .formParameters()
                            .get("type")
                            .firstValue())
                    .isEqualTo("4");
        }

        @Test
        @DisplayName("changes the type, to a password group with its password")
        void changeType() {
            createGroup(GUID);
            assertThat(directory
                            .groups()
                            .update(
                                    GUID,
                                    GroupUpdate.builder()
                                            .type(GroupType.PRIVATE)
                                            .build())
                            .type())
                    .isEqualTo(GroupType.PRIVATE);
            assertThat(directory
                            .groups()
                            .update(
                                    GUID,
                                    GroupUpdate.builder()
                                            .type(GroupType.PASSWORD)
                                            .password("pw")
                                            .build())
                            .type())
                    .isEqualTo(GroupType.PASSWORD);
        }

        @Test
        @DisplayName("an unknown group fails with NotFoundException without sending updateGroup")
        void unknown() {
            assertThatThrownBy(() -> directory
                            .groups()
                            .update("nothing", GroupUpdate.builder().name("N").build()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(requestsTo("updateGroup")).isEmpty();
        }
    }

    @Nested
    @DisplayName("deleting")
    class Deleting {

        @Test
        @DisplayName("is idempotent and takes the memberships with it")
        void idempotent() {
            createUsers("u1");
            createGroup(GUID);
            directory.members().add(GUID, List.of(MemberSpec.participant("u1")));
            assertThat(directory.groups().delete(GUID)).isTrue();
            assertThat(directory.groups().delete(GUID)).isFalse();
            assertThat(directory.groups().get(GUID)).isEmpty();
            assertThatThrownBy(() -> directory.members().list(GUID, MemberQuery.all()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("ownership transfer is not supported")
        void noTransfer() {
            assertThatThrownBy(() -> directory.groups().transferOwnership(GUID, "u1"))
                    .isInstanceOf(UnsupportedCapabilityException.class);
        }
    }
}
