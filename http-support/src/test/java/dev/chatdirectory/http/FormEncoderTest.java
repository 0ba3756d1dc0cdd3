package dev.chatdirectory.http;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.chatdirectory.ProviderConfig;
import feign.Headers;
import feign.RequestLine;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.jackson.JacksonEncoder;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The form encoder")
class FormEncoderTest {

    private static final String AWKWARD = "x y&z=1+2,3%4 Zoë ☕ 山田";

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> decoded = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            decoded.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return decoded;
    }

    @Nested
    @DisplayName("encoding fields")
    class Encoding {

        @Test
        @DisplayName("percent-encodes every value so that spaces, &, =, +, commas, % and non-ASCII survive")
        void awkwardValuesSurvive() {
            String body = FormEncoder.encode(fields("UIDs", AWKWARD, "name", "Zoë"));
            assertThat(body)
                    .isEqualTo("UIDs=x+y%26z%3D1%2B2%2C3%254+Zo%C3%AB+%E2%98%95+%E5%B1%B1%E7%94%B0&name=Zo%C3%AB");
            assertThat(decode(body)).containsExactly(Map.entry("UIDs", AWKWARD), Map.entry("name", "Zoë"));
        }

        @Test
        @DisplayName("encodes field names too, and keeps the map's order")
        void namesAndOrder() {
            assertThat(FormEncoder.encode(fields("b", "1", "a b", "2", "c", "3")))
                    .isEqualTo("b=1&a+b=2&c=3");
        }

        @Test
        @DisplayName("leaves out null values, keeps empty ones, and renders numbers and booleans as text")
        void nullsEmptiesAndScalars() {
            assertThat(FormEncoder.encode(fields("a", null, "b", "", "limit", 100, "flag", false)))
                    .isEqualTo("b=&limit=100&flag=false");
        }

        @Test
        @DisplayName("gives an empty body for no fields")
        void empty() {
            assertThat(FormEncoder.encode(Map.of())).isEmpty();
        }

        @Test
        @DisplayName("refuses collections instead of guessing between repeated and comma-joined fields")
        void refusesCollections() {
            assertThatThrownBy(() -> FormEncoder.encode(fields("UIDs", List.of("a", "b"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("UIDs");
        }
    }

    @Nested
    @DisplayName("as a Feign encoder")
    class AsFeignEncoder {

        private final FormEncoder encoder = new FormEncoder(new JacksonEncoder(JsonMappers.shared()));

        @Test
        @DisplayName("writes a form body when the request's Content-Type is form-urlencoded")
        void formRequests() {
            RequestTemplate template =
                    new RequestTemplate().header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            encoder.encode(fields("UID", "a b"), Map.class, template);
            assertThat(new String(template.body(), StandardCharsets.UTF_8)).isEqualTo("UID=a+b");
        }

        @Test
        @DisplayName("hands other requests to the delegate")
        void otherRequests() {
            RequestTemplate template = new RequestTemplate().header("Content-Type", "application/json");
            encoder.encode(fields("UID", "a b"), Map.class, template);
            assertThat(new String(template.body(), StandardCharsets.UTF_8)).isEqualTo("{\"UID\":\"a b\"}");
        }

        @Test
        @DisplayName("refuses a form body that is not a map")
        void refusesNonMaps() {
            RequestTemplate template =
                    new RequestTemplate().header("Content-Type", "application/x-www-form-urlencoded");
            assertThatThrownBy(() -> encoder.encode("UID=a", String.class, template))
                    .isInstanceOf(EncodeException.class);
            assertThatThrownBy(() -> encoder.encode(fields("UIDs", List.of("a")), Map.class, template))
                    .isInstanceOf(EncodeException.class)
                    .hasMessageContaining("UIDs");
        }
    }

    @Nested
    @DisplayName("over the wire")
    class OverTheWire {

        @RegisterExtension
        static WireMockExtension server = WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();

        interface FormApi {
            @RequestLine("POST /form")
            @Headers("Content-Type: application/x-www-form-urlencoded; charset=UTF-8")
            JsonNode send(Map<String, ?> form);
        }

        @Test
        @DisplayName("a server decodes exactly the values that were given")
        void serverDecodesValues() {
            server.stubFor(post(urlPathEqualTo("/form")).willReturn(okJson("{}")));
            ErrorMapper errors = new ErrorMapper("test", SecretRedactor.none(), Clock.systemUTC());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            FormApi api = new FeignClientFactory(
                            http,
                            JsonMappers.shared(),
                            errors,
                            SecretRedactor.none(),
                            ProviderConfig.builder().build())
                    .builder()
                    .encoder(new FormEncoder(new JacksonEncoder(JsonMappers.shared())))
                    .target(FormApi.class, server.baseUrl());

            api.send(fields("UIDs", AWKWARD, "limit", 100));

            server.verify(postRequestedFor(urlPathEqualTo("/form"))
                    .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                    .withFormParam("UIDs", equalTo(AWKWARD))
                    .withFormParam("limit", equalTo("100")));
        }
    }
}
