package dev.chatdirectory.provider.cometchat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.chatdirectory.testkit.fuzz.BadInputBackend;
import dev.chatdirectory.testkit.fuzz.BadInputFuzz;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * The fuzz kit's bad-input tests against the CometChat emulator. CometChat addresses a user by one
 * path segment, {@code GET /v3/users/{uid}}; its ids are lowercase letters, digits, '-' and '_', so
 * the tricky characters travel in names, metadata and URLs.
 */
@DisplayName("CometChat refuses bad input unsent and carries tricky input intact")
class CometChatBadInputTest extends BadInputFuzz {

    private static final String USERS = "/v3/users/";

    @Override
    protected BadInputBackend backend() {
        EmulatedCometChat vendor = new EmulatedCometChat();
        return BadInputBackend.builder(vendor.emulator().wireMock(), vendor.config(), new CometChatProvider()::open)
                .resetVendor(vendor::reset)
                .userIdRead(CometChatBadInputTest::uidOfGetUser)
                .closeAfterwards(vendor)
                .build();
    }

    private static Optional<String> uidOfGetUser(LoggedRequest request) {
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (!request.getMethod().getName().equals("GET") || !path.startsWith(USERS)) {
            return Optional.empty();
        }
        String segment = path.substring(USERS.length());
        if (segment.isEmpty() || segment.contains("/")) {
            return Optional.empty();
        }
        // a path segment: '+' is itself, only percent escapes are decoded
        return Optional.of(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
}
