package dev.chatdirectory.http;

import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Writes {@code application/x-www-form-urlencoded} bodies for Feign: when a request's {@code
 * Content-Type} is form-urlencoded, its body (a {@code Map} of field names to values) is sent as
 * {@code name=value&...} in UTF-8 with every name and value percent-encoded; other requests go to
 * the delegate encoder.
 *
 * <p>Feign's own {@code @Body("UIDs={uids}")} templates do not encode the values they expand, so
 * {@code x y&z=1} would arrive as broken fields; this encoder exists to make that impossible.
 * Values must be text, numbers or booleans, rendered with {@link String#valueOf(Object)}; {@code
 * null} values are left out (the field is not sent). Collections are refused rather than guessed
 * at, since vendors differ on repeated fields versus one comma-joined field: join them first.
 * Spaces are encoded as {@code +}, as HTML forms do. Thread-safe.
 */
public final class FormEncoder implements Encoder {

    /** The media type this encoder writes. */
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final Encoder delegate;

    /**
     * Creates the encoder.
     *
     * @param delegate encodes the bodies of requests that are not forms
     */
    public FormEncoder(Encoder delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) throws EncodeException {
        if (!isForm(template)) {
            delegate.encode(object, bodyType, template);
            return;
        }
        if (!(object instanceof Map<?, ?> fields)) {
            throw new EncodeException("a form body must be a Map of field names to values, not " + bodyType);
        }
        try {
            template.body(encode(fields).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new EncodeException(e.getMessage(), e);
        }
    }

    /**
     * Encodes form fields in iteration order.
     *
     * @param fields field names to values; {@code null} values are left out
     * @return the encoded body, e.g. {@code UID=x+y%26z%3D1&name=Zo%C3%AB}
     * @throws IllegalArgumentException if a name is {@code null} or a value is not text, a number
     *     or a boolean
     */
    public static String encode(Map<?, ?> fields) {
        StringJoiner body = new StringJoiner("&");
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            if (field.getKey() == null) {
                throw new IllegalArgumentException("a form field needs a name");
            }
            Object value = field.getValue();
            if (value == null) {
                continue;
            }
            if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException(
                        "form field '" + field.getKey() + "' must be text, a number or a boolean, not "
                                + value.getClass().getName());
            }
            body.add(URLEncoder.encode(field.getKey().toString(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static boolean isForm(RequestTemplate template) {
        for (Map.Entry<String, Collection<String>> header : template.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return header.getValue().stream()
                        .anyMatch(v -> v.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE));
            }
        }
        return false;
    }
}
