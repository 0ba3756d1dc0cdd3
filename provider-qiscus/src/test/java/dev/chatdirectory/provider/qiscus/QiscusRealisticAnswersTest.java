package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.chatdirectory.InvalidRequestException;
import dev.chatdirectory.NotFoundException;
import dev.chatdirectory.ProviderProtocolException;
import dev.chatdirectory.model.BatchResult;
import dev.chatdirectory.model.GroupCreate;
import dev.chatdirectory.model.GroupType;
import dev.chatdirectory.model.ItemOutcome;
import dev.chatdirectory.model.Member;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.MemberSpec;
import dev.chatdirectory.model.OutcomeStatus;
import dev.chatdirectory.model.Page;
import dev.chatdirectory.model.UserQuery;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Answers shaped like the ones public third-party code, tests and logs show Qiscus sending, which
 * differ from the documented examples: several {@code detailed_messages} under one {@code message},
 * participants marked {@code "active": false}, and an empty {@code participants_added}. The bodies
 * keep Qiscus's escaping ({@code \/}, {@code \}{@code uXXXX} with surrogate pairs).
 */
@DisplayName("Qiscus answers seen outside the documentation")
class QiscusRealisticAnswersTest extends StubServerSupport {

    private static final String OWNER = """
            {"results":{"user":{"active":true,"avatar_url":"https:\\/\\/cdn.example.com\\/u\\/amira.png",\
            "extras":{},"user_id":"amira@example.com","username":"Am\\u00edra"}},"status":200}""";

    private static final String AVATAR =
            "https:\\/\\/d1edrlpyc25xu0.cloudfront.net\\/kiwari-prod\\/image\\/upload\\/75r6s_jOHa\\/"
                    + "1507541871-avatar-mine.png";

    private static String participant(String userId, String username, boolean active) {
        return "{\"active\":" + active + ",\"avatar_url\":\"" + AVATAR + "\",\"extras\":{},\"user_id\":\"" + userId
                + "\",\"username\":\"" + username + "\"}";
    }

    /** A page of get_room_participants with the mobile API's meta and a deactivated participant. */
    private static final String PARTICIPANTS_WITH_DEACTIVATED = "{\"results\":{\"meta\":{\"current_offset\":0,"
            + "\"current_page\":1,\"per_page\":3,\"total\":4},\"participants\":["
            + participant("amira@example.com", "Am\\u00edra", true) + ","
            + participant("bogdan@example.com", "Bogdan \\ud83d\\udc3b", false) + ","
            + participant("chen.ming@example.com", "\\u9648\\u660e", true) + "]},\"status\":200}";

    private static final String NO_PARTICIPANTS = "{\"results\":{\"participants\":[]},\"status\":200}";

    private GroupCreate clubOwnedByAmira() {
        return GroupCreate.withoutId("Club", GroupType.PRIVATE)
                .ownerId("amira@example.com")
                .build();
    }

    @Nested
    @DisplayName("error envelopes")
    class Errors {

        /** Answers get_user_list with a 400 and this body; returns what listing users throws. */
        private InvalidRequestException listingRefusedWith(String body) {
            answer("get_user_list", 400, body);
            Throwable thrown = catchThrowable(() -> directory.users().list(UserQuery.all()));
            assertThat(thrown).isInstanceOf(InvalidRequestException.class);
            return (InvalidRequestException) thrown;
        }

        @Test
        @DisplayName("every detailed message is reported after the message, unescaped, with the status kept")
        void everyDetailedMessage() {
            answer("user_profile", 200, OWNER);
            answer("create_room", 400, """
                    {"error":{"detailed_messages":["room_name \\"Caf\\u00e9 \\ud83c\\udf75 Lounge\\" is longer\
                     than 64 characters","room_avatar_url https:\\/\\/cdn.example.com\\/rooms\\/caf\\u00e9.png can\
                     not be fetched"],"message":"invalid room parameters"},"status":400}""");

            InvalidRequestException e = catchThrowableOfType(
                    InvalidRequestException.class, () -> directory.groups().create(clubOwnedByAmira()));

            assertThat(e.rule())
                    .isEqualTo("invalid room parameters: room_name \"Café 🍵 Lounge\" is longer than 64 characters;"
                            + " room_avatar_url https://cdn.example.com/rooms/café.png can not be fetched");
            assertThat(e.httpStatus()).hasValue(400);
            assertThat(e.vendorCode()).as("no code in the envelope").isEmpty();
        }

        @Test
        @DisplayName("a detailed message repeating the message is reported once")
        void repeatedMessageOnce() {
            InvalidRequestException e = listingRefusedWith("""
                    {"error":{"detailed_messages":["limit must be between 1 and 100"],\
                    "message":"limit must be between 1 and 100"},"status":400}""");

            assertThat(e.rule()).isEqualTo("limit must be between 1 and 100");
        }

        @Test
        @DisplayName("without a message, the detailed messages are reported on their own")
        void detailsWithoutMessage() {
            InvalidRequestException e = listingRefusedWith("""
                    {"error":{"detailed_messages":["page must be a number","limit must be a number"]},\
                    "status":400}""");

            assertThat(e.rule()).isEqualTo("page must be a number; limit must be a number");
        }

        @Test
        @DisplayName("without detailed messages, or with null, empty or non-text ones, the message alone is reported")
        void messageWithoutDetails() {
            for (String details : List.of(
                    "",
                    ",\"detailed_messages\":null",
                    ",\"detailed_messages\":[]",
                    ",\"detailed_messages\":[null,{\"field\":\"limit\"},\"  \"]")) {
                InvalidRequestException e = listingRefusedWith(
                        "{\"error\":{\"message\":\"limit must be between 1 and 100\"" + details + "},\"status\":400}");

                assertThat(e.rule()).as("rule with %s", details).isEqualTo("limit must be between 1 and 100");
            }
        }

        @Test
        @DisplayName("a 'not found' detail under a general message is a NotFoundException naming every missing user")
        void notFoundInDetails() {
            answer("user_profile", 200, OWNER);
            answer("create_room", 400, """
                    {"error":{"detailed_messages":["user ghost@example.com not found",\
                    "user phantom@example.com not found"],"message":"failed to create room"},"status":400}""");

            NotFoundException e = catchThrowableOfType(
                    NotFoundException.class, () -> directory.groups().create(clubOwnedByAmira()));

            assertThat(e.getMessage())
                    .contains("failed to create room")
                    .contains("user ghost@example.com not found")
                    .contains("user phantom@example.com not found");
            assertThat(e.httpStatus()).hasValue(400);
        }

        @Test
        @DisplayName("a code in the error object is kept as the vendor code")
        void vendorCodeKept() {
            InvalidRequestException e = listingRefusedWith("""
                    {"error":{"code":400101,"detailed_messages":["order_query is invalid"],\
                    "message":"bad request"},"status":400}""");

            assertThat(e.vendorCode()).contains("400101");
            assertThat(e.rule()).isEqualTo("bad request: order_query is invalid");
        }

        @Test
        @DisplayName("many detailed messages are all accounted for: those that do not fit are counted")
        void manyDetails() {
            StringBuilder details = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                details.append(i == 1 ? "" : ",")
                        .append("\"u")
                        .append(i)
                        .append("@example.com is not a valid user_id\"");
            }
            InvalidRequestException e = listingRefusedWith(
                    "{\"error\":{\"detailed_messages\":[" + details + "],\"message\":\"bad request\"},\"status\":400}");

            assertThat(e.rule())
                    .startsWith(
                            "bad request: u1@example.com is not a valid user_id; u2@example.com is not a valid user_id")
                    .doesNotContain("...");
            Matcher tail = Pattern.compile("; u(\\d+)@example\\.com is not a valid user_id \\(and (\\d+) more\\)$")
                    .matcher(e.rule());
            assertThat(tail.find()).isTrue();
            assertThat(Integer.parseInt(tail.group(1)) + Integer.parseInt(tail.group(2)))
                    .as("listed plus counted")
                    .isEqualTo(40);
        }
    }

    @Nested
    @DisplayName("deactivated participants")
    class DeactivatedParticipants {

        @Test
        @DisplayName("a participant marked active:false is not listed, and the full page still has a next page")
        void notListed() {
            answer("get_room_participants", 200, PARTICIPANTS_WITH_DEACTIVATED);

            Page<Member> page = directory.members().list("5037393", MemberQuery.pageSize(3));

            assertThat(page.items())
                    .extracting(Member::userId)
                    .containsExactly("amira@example.com", "chen.ming@example.com");
            assertThat(page.hasNext())
                    .as("Qiscus sent a full page of 3, so more may follow")
                    .isTrue();
        }

        @Test
        @DisplayName("removing a deactivated participant still takes it out of the room")
        void removable() {
            answer("get_room_participants", 200, PARTICIPANTS_WITH_DEACTIVATED);
            answer(
                    "remove_room_participants",
                    200,
                    "{\"results\":{\"participants_removed\":["
                            + participant("bogdan@example.com", "Bogdan \\ud83d\\udc3b", false) + "]},\"status\":200}");

            BatchResult result = directory.members().remove("5037393", List.of("bogdan@example.com"));

            assertThat(result.applied()).containsExactly("bogdan@example.com");
            assertThat(count("remove_room_participants")).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("participants_added")
    class ParticipantsAdded {

        /** Adds two users to a room Qiscus says is empty, so that the adapter sends both. */
        private BatchResult addAmiraAndChen() {
            return directory
                    .members()
                    .add(
                            "5037393",
                            List.of(
                                    MemberSpec.participant("amira@example.com"),
                                    MemberSpec.participant("chen.ming@example.com")));
        }

        @Test
        @DisplayName("an empty participants_added reports the users unchanged: they were already in")
        void emptyMeansUnchanged() {
            answer("get_room_participants", 200, NO_PARTICIPANTS);
            answer("add_room_participants", 200, "{\"results\":{\"participants_added\":[]},\"status\":200}");

            BatchResult result = addAmiraAndChen();

            assertThat(result.outcomes())
                    .extracting(ItemOutcome::id, ItemOutcome::status)
                    .containsExactly(
                            tuple("amira@example.com", OutcomeStatus.UNCHANGED),
                            tuple("chen.ming@example.com", OutcomeStatus.UNCHANGED));
        }

        @Test
        @DisplayName("users listed in participants_added are applied, the others of the batch unchanged")
        void onlyListedAreApplied() {
            answer("get_room_participants", 200, NO_PARTICIPANTS);
            answer(
                    "add_room_participants",
                    200,
                    "{\"results\":{\"participants_added\":["
                            + participant("chen.ming@example.com", "\\u9648\\u660e", true) + "]},\"status\":200}");

            BatchResult result = addAmiraAndChen();

            assertThat(result.outcome("amira@example.com").orElseThrow().status())
                    .isEqualTo(OutcomeStatus.UNCHANGED);
            assertThat(result.outcome("chen.ming@example.com").orElseThrow().status())
                    .isEqualTo(OutcomeStatus.APPLIED);
        }

        @Test
        @DisplayName("a participants_added that is not a list is a ProviderProtocolException")
        void malformed() {
            answer("get_room_participants", 200, NO_PARTICIPANTS);
            answer("add_room_participants", 200, "{\"results\":{\"participants_added\":\"chen\"},\"status\":200}");

            assertThatThrownBy(() -> directory
                            .members()
                            .add("5037393", List.of(MemberSpec.participant("chen.ming@example.com"))))
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("participants_added");
        }
    }
}
