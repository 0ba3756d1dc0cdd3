package dev.chatdirectory.provider.qiscus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.chatdirectory.ChatDirectory;
import dev.chatdirectory.ProviderConfig;
import dev.chatdirectory.model.UserQuery;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Qiscus secret key and password secret")
class QiscusSecretRedactionTest extends StubServerSupport {

    private static String everything(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static void assertNoSecrets(String text) {
        assertThat(text).doesNotContain(SECRET).doesNotContain(PASSWORD_SECRET);
        // The masked form some vendors echo (first five, asterisks, last five) is hidden too.
        assertThat(text).doesNotContain(SECRET.substring(0, 5) + "*****" + SECRET.substring(SECRET.length() - 5));
    }

    @Test
    @DisplayName("never appear in the message of an error whose vendor text echoes them")
    void echoedInAnError() {
        answer(
                "get_user_list",
                400,
                "{\"error\":{\"message\":\"bad secret " + SECRET + " / " + PASSWORD_SECRET + " / "
                        + SECRET.substring(0, 5) + "*****" + SECRET.substring(SECRET.length() - 5)
                        + "\"},\"status\":400}");
        Throwable thrown = catchThrowable(() -> directory.users().list(UserQuery.all()));
        assertThat(thrown.getMessage()).contains("****");
        assertNoSecrets(everything(thrown));
    }

    @Test
    @DisplayName("never appear when authentication fails")
    void authenticationFailure() {
        answer("get_user_list", 401, "{\"error\":{\"message\":\"wrong secret " + SECRET + "\"},\"status\":401}");
        assertNoSecrets(everything(catchThrowable(() -> directory.users().list(UserQuery.all()))));
    }

    @Test
    @DisplayName("never appear when a success body cannot be read")
    void protocolFailure() {
        answer("get_user_list", 200, "{\"results\": \"" + SECRET + "\"}");
        assertNoSecrets(everything(catchThrowable(() -> directory.users().list(UserQuery.all()))));
    }

    @Test
    @DisplayName("never appear in configuration errors or in the configuration's and directory's toString")
    void configuration() {
        ProviderConfig both = config().build();
        Throwable thrown = catchThrowable(() -> QiscusProvider.builder()
                .passwordSource(userId -> "pw")
                .config(both)
                .build());
        assertNoSecrets(everything(thrown));
        assertNoSecrets(both.toString());
        try (ChatDirectory opened = QiscusProvider.builder().config(both).build()) {
            assertNoSecrets(opened.toString());
        }
    }
}
