package dev.chatdirectory.http;

import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.util.Objects;

/** Feign's hook for non-2xx responses: reads the body and lets the {@link ErrorMapper} decide. */
final class MappingErrorDecoder implements ErrorDecoder {

    private final ErrorMapper errors;

    MappingErrorDecoder(ErrorMapper errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        byte[] body;
        try {
            body = response.body() == null
                    ? new byte[0]
                    : Util.toByteArray(response.body().asInputStream());
        } catch (IOException e) {
            body = new byte[0];
        }
        return errors.map(HttpErrorResponse.of(response.status(), response.headers(), body));
    }
}
