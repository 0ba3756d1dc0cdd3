package dev.chatdirectory.provider.atomchat;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.emulator.atomchat.AtomChatEmulator;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.testkit.fuzz.MalformedResponses;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * The fuzz kit's mutated bodies, seeded with AtomChat's documented and observed replies ({@link
 * AtomChatResponseExamplesTest}, {@link AtomChatRealisticAnswersTest}).
 */
@DisplayName("AtomChat's decoding of mutated realistic replies")
class AtomChatMalformedResponsesTest extends MalformedResponses {

    /** listUsers' rows as the reference shows them (§4.5), the first one getUser's u42. */
    private static final String LIST_USERS = """
            {"success":{"status":"2000","message":"List fetched successfully",
              "data":[{"userid":"118","uid":"u42","username":"Jane Roe","displayname":"Jane Roe",
                       "friends":"u7,u9","role":"default","status":"available","lastactivity":"1700000000"}]}}
            """;

    private static final String CREATED =
            "{\"success\":{\"status\":\"2000\",\"message\":\"User created successfully!\"}}";

    private static Stub reply(String endpoint, String body) {
        return Stub.ok("POST", AtomChatEmulator.BASE_PATH + "/" + endpoint, body);
    }

    @Override
    protected String providerId() {
        return AtomChatProvider.ID;
    }

    @Override
    protected List<Scenario> scenarios() {
        Stub getUser = reply("getUser", AtomChatResponseExamplesTest.GET_USER);
        Stub groups = reply("getGroupList", AtomChatResponseExamplesTest.Groups.GROUP_LIST);
        return List.of(
                new Scenario("get user", getUser, List.of(), d -> d.users().get("u42")),
                new Scenario(
                        "list users",
                        reply("listUsers", LIST_USERS),
                        List.of(getUser),
                        d -> d.users().list(UserQuery.all())),
                new Scenario("get group", groups, List.of(), d -> d.groups().get("g1")),
                new Scenario(
                        "list members",
                        reply("getGroupUserList", AtomChatRealisticAnswersTest.NothingAdded.ANN_AND_JOSE),
                        List.of(groups, getUser),
                        d -> d.members().list("ops", MemberQuery.all())),
                new Scenario(
                        "create user",
                        reply("createUser", CREATED),
                        List.of(getUser),
                        d -> d.users()
                                .create(UserCreate.builder("u42", "Jane Roe").build())),
                new Scenario(
                        "create user, read back",
                        getUser,
                        List.of(reply("createUser", CREATED)),
                        d -> d.users()
                                .create(UserCreate.builder("u42", "Jane Roe").build())));
    }

    @Override
    protected ChatDirectory open(URI baseUrl) {
        return new AtomChatProvider()
                .open(
                        Directories.config(URI.create(baseUrl + AtomChatEmulator.BASE_PATH), StubAtomChat.API_KEY)
                                .toBuilder()
                                .retry(RetrySettings.none())
                                .readTimeout(CALL_TIMEOUT)
                                .callTimeout(CALL_TIMEOUT)
                                .maxResponseSize(SIZE_CAP)
                                .build());
    }
}
