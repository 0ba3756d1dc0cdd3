package dev.chatdirectory.provider.qiscus;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.RetrySettings;
import dev.chatdirectory.model.MemberQuery;
import dev.chatdirectory.model.UserCreate;
import dev.chatdirectory.model.UserQuery;
import dev.chatdirectory.testkit.fuzz.MalformedResponses;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** The fuzz kit's mutated bodies, seeded with Qiscus's documented examples ({@link QiscusResponseExamplesTest}). */
@DisplayName("Qiscus's decoding of mutated realistic answers")
class QiscusMalformedResponsesTest extends MalformedResponses {

    private static final String BASE = StubServerSupport.BASE;

    private static Stub ok(String endpoint, String body) {
        return Stub.ok("ANY", BASE + "/" + endpoint, body);
    }

    @Override
    protected String providerId() {
        return QiscusProvider.ID;
    }

    @Override
    protected List<Scenario> scenarios() {
        Stub userNotFound = new Stub(
                "ANY", BASE + "/user_profile", 404, "{\"error\":{\"message\":\"user not found\"},\"status\":404}");
        return List.of(
                new Scenario(
                        "get user",
                        ok("user_profile", QiscusResponseExamplesTest.USER_OBJECT),
                        List.of(),
                        d -> d.users().get("guest99@qiscus.com")),
                new Scenario(
                        "list users",
                        ok("get_user_list", QiscusResponseExamplesTest.USER_LIST_SEED),
                        List.of(),
                        d -> d.users().list(UserQuery.all())),
                new Scenario(
                        "get group",
                        ok("get_rooms_info", QiscusResponseExamplesTest.ROOMS_INFO),
                        List.of(),
                        d -> d.groups().get("5037393")),
                new Scenario(
                        "list members",
                        ok("get_room_participants", QiscusResponseExamplesTest.PARTICIPANTS),
                        List.of(ok("get_rooms_info", QiscusResponseExamplesTest.ROOMS_INFO)),
                        d -> d.members().list("5037393", MemberQuery.all())),
                new Scenario(
                        "create user",
                        ok("login_or_register", QiscusResponseExamplesTest.LOGIN_OR_REGISTER_DOC),
                        List.of(userNotFound),
                        d -> d.users()
                                .create(UserCreate.builder("guest99@qiscus.com", "QISCUS demo user")
                                        .build())));
    }

    @Override
    protected ChatDirectory open(URI baseUrl) {
        return QiscusProvider.builder()
                .config(ProviderConfig.builder()
                        .endpoint(baseUrl + BASE)
                        .credential("appId", StubServerSupport.APP_ID)
                        .credential("secret", StubServerSupport.SECRET)
                        .credential("passwordSecret", StubServerSupport.PASSWORD_SECRET)
                        .property("systemUserId", "system")
                        .retry(RetrySettings.none())
                        .readTimeout(CALL_TIMEOUT)
                        .callTimeout(CALL_TIMEOUT)
                        .maxResponseSize(SIZE_CAP)
                        .build())
                .build();
    }
}
