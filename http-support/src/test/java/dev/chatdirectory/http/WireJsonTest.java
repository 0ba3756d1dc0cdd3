package dev.chatdirectory.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatdirectory.ProviderProtocolException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    @DisplayName("copies a tree into the same map Jackson's conversion gives, without nulls, unmodifiable")
    void mapsAsJacksonDoes() {
        JsonNode node = parse("{\"s\":\"é\",\"i\":1,\"l\":12345678901,\"big\":123456789012345678901234567890,"
                + "\"d\":1.5,\"t\":true,\"n\":null,\"a\":[1,null,{\"x\":null,\"y\":[]}],\"o\":{}}");

        Map<String, Object> map = json.toMap(node);

        assertThat(map)
                .containsExactly(
                        Map.entry("s", "é"),
                        Map.entry("i", 1),
                        Map.entry("l", 12345678901L),
                        Map.entry("big", new BigInteger("123456789012345678901234567890")),
                        Map.entry("d", 1.5),
                        Map.entry("t", true),
                        Map.entry("a", List.of(1, Map.of("y", List.of()))),
                        Map.entry("o", Map.of()));
        assertThatThrownBy(() -> map.put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) map.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(json.toMap(parse("{\"d\":1.50}")).get("d")).isEqualTo(1.5).isNotInstanceOf(BigDecimal.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    @DisplayName(
            "leaves out the members a predicate names at any depth, in lists too, keeping everything else in order")
    void dropsNamedMembers() {
        SecretRedactor redactor = SecretRedactor.none().withSecretFields(List.of("authToken"));
        JsonNode node = parse("{\"uid\":\"zoe\",\"authToken\":\"zoe_1638354015\",\"status\":null,"
                + "\"entities\":[{\"authToken\":\"t\",\"uid\":\"bob\"},\"plain\",[{\"userAuthToken\":\"u\"}]],"
                + "\"metadata\":{\"groupPassword\":\"p\",\"k\":1}}");

        Map<String, Object> stripped = json.toMap(node, redactor::isSecretField);

        assertThat(List.copyOf(stripped.keySet())).containsExactly("uid", "entities", "metadata");
        assertThat(stripped.get("entities")).isEqualTo(List.of(Map.of("uid", "bob"), "plain", List.of(Map.of())));
        assertThat(stripped.get("metadata")).isEqualTo(Map.of("k", 1));
        assertThat(json.toMap(node, Set.of("uid")::contains))
                .doesNotContainKey("uid")
                .containsKey("authToken");
    }

    @Test
    @DisplayName("reads every ISO-8601 time exactly as Instant.parse does, and refuses what it refuses")
    void isoTimesAsInstantParse() {
        List<String> readable = List.of(
                "2017-10-09T06:47:00Z",
                "2017-10-09T06:47:00.004482Z",
                "2017-10-09T06:47:00.1Z",
                "2017-10-09T06:47:00.123456789Z",
                "2024-02-29T23:59:59.999Z",
                "1969-12-31T23:59:59.5Z",
                "0001-01-01T00:00:00Z",
                "2017-10-09T06:47:00+07:00",
                "2017-10-09T06:47:00.25-03:30",
                "2017-10-09T06:47:00.5+18:00",
                "2016-12-31T23:59:60Z",
                "+12017-10-09T06:47:00Z",
                "2017-10-09T24:00:00Z",
                "2017-10-09T06:47:00.Z",
                "2017-10-09T06:47:00z");
        for (String text : readable) {
            assertThat(json.isoInstant(parse("{\"t\":\"" + text + "\"}"), "t"))
                    .as(text)
                    .contains(Instant.parse(text));
        }
        List<String> refused = List.of(
                "2017-02-30T06:47:00Z",
                "2017-10-09T06:60:00Z",
                "2017-10-09T06:47:00.1234567891Z",
                "2017-10-09T06:47:00",
                "2017-10-09T06:47Z",
                "2017-10-09 06:47:00Z",
                "2017-1a-09T06:47:00Z",
                "2017-10-09T06:47:00+19:00",
                "2017-10-09T06:47:00+05");
        for (String text : refused) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(java.time.DateTimeException.class);
            assertThatThrownBy(() -> json.isoInstant(parse("{\"t\":\"" + text + "\"}"), "t"))
                    .as(text)
                    .isInstanceOf(ProviderProtocolException.class)
                    .hasMessageContaining("'t'");
        }
    }
}
