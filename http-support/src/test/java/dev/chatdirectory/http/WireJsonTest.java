package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.ProviderProtocolException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The wire JSON reader")
class WireJsonTest {

    private final WireJson json =
            new WireJson(new ErrorMapper("vendor", SecretRedactor.none(), Clock.systemUTC()), JsonMappers.shared());

    private JsonNode parse(String text) {
        return json.parse(text, "test body");
    }

    @Test
    @DisplayName("names the missing field in a typed protocol error instead of failing with a null pointer")
    void missingField() {
        assertThatThrownBy(() -> json.requiredText(parse("{\"name\":\"x\"}"), "uid"))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("'uid'")
                .satisfies(e ->
                        assertThat(((ProviderProtocolException) e).providerId()).contains("vendor"));
        assertThatThrownBy(() -> json.requiredText(null, "uid")).isInstanceOf(ProviderProtocolException.class);
        assertThatThrownBy(() -> json.object(parse("{\"data\":[]}"), "data"))
                .isInstanceOf(ProviderProtocolException.class);
        assertThatThrownBy(() -> json.array(parse("{\"data\":{}}"), "data"))
                .isInstanceOf(ProviderProtocolException.class);
    }

    @Test
    @DisplayName("accepts numbers sent as strings and strings sent as numbers")
    void looseTypes() {
        JsonNode node = parse("{\"a\":\"42\",\"b\":42,\"c\":\"\",\"d\":null,\"t\":1700000000,\"s\":\"1700000000\"}");

        assertThat(json.number(node, "a")).contains(42L);
        assertThat(json.text(node, "b")).contains("42");
        assertThat(json.text(node, "c")).isEmpty();
        assertThat(json.number(node, "d")).isEmpty();
        assertThat(json.epochSeconds(node, "t")).contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(json.epochSeconds(node, "s")).contains(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    @DisplayName("rejects values of the wrong kind")
    void wrongKinds() {
        JsonNode node = parse("{\"n\":\"twelve\",\"o\":{\"x\":1}}");

        assertThatThrownBy(() -> json.number(node, "n")).isInstanceOf(ProviderProtocolException.class);
        assertThatThrownBy(() -> json.text(node, "o")).isInstanceOf(ProviderProtocolException.class);
        assertThatThrownBy(() -> json.isoInstant(parse("{\"t\":\"yesterday\"}"), "t"))
                .isInstanceOf(ProviderProtocolException.class);
        assertThatThrownBy(() -> json.parse("{", "room_options")).isInstanceOf(ProviderProtocolException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    @DisplayName("reads booleans, ISO times and JSON-like maps")
    void otherReaders() {
        JsonNode node = parse(
                "{\"b1\":true,\"b2\":\"1\",\"b3\":0,\"t\":\"2017-10-09T06:47:00.004482Z\",\"m\":{\"k\":[1,\"two\",{\"x\":null}]}}");

        assertThat(json.bool(node, "b1")).contains(true);
        assertThat(json.bool(node, "b2")).contains(true);
        assertThat(json.bool(node, "b3")).contains(false);
        assertThat(json.isoInstant(node, "t")).contains(Instant.parse("2017-10-09T06:47:00.004482Z"));
        Map<String, Object> map = json.toMap(node.get("m"));
        assertThat(map).containsKey("k");
        assertThat((List<Object>) map.get("k")).hasSize(3).startsWith(1, "two");
        assertThat(json.toMap(node.get("b1"))).isEmpty();
    }
}
