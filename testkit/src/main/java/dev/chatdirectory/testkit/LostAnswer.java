package dev.chatdirectory.testkit;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;

/**
 * How the kit's proxy loses the vendor's answer to a request the vendor has already processed:
 * the ways an answer goes missing between a vendor that applied a write and the adapter.
 */
enum LostAnswer {
    /** The connection is reset instead of the answer being sent. */
    CONNECTION_RESET("connection reset") {
        @Override
        Response replace(Response answer) {
            return fault(answer, Fault.CONNECTION_RESET_BY_PEER);
        }
    },
    /** The connection is closed without a byte of the answer. */
    EMPTY_REPLY("empty reply") {
        @Override
        Response replace(Response answer) {
            return fault(answer, Fault.EMPTY_RESPONSE);
        }
    },
    /** A gateway answers 500 instead of the vendor's answer. */
    SERVER_ERROR("500 after applying") {
        @Override
        Response replace(Response answer) {
            return status(answer, 500);
        }
    },
    /** A gateway answers 503 instead of the vendor's answer. */
    UNAVAILABLE("503 after applying") {
        @Override
        Response replace(Response answer) {
            return status(answer, 503);
        }
    },
    /** The answer starts with a 200 and breaks off in a malformed chunk of its body. */
    TRUNCATED_BODY("truncated body") {
        @Override
        Response replace(Response answer) {
            return fault(answer, Fault.MALFORMED_RESPONSE_CHUNK);
        }
    };

    private final String description;

    LostAnswer(String description) {
        this.description = description;
    }

    /**
     * Returns what the client gets instead of the answer.
     *
     * @param answer the vendor's answer, which the vendor produced after processing the request
     * @return the replacement
     */
    abstract Response replace(Response answer);

    /** {@return the loss in a few words, as shown in test names} */
    @Override
    public String toString() {
        return description;
    }

    private static Response fault(Response answer, Fault fault) {
        return Response.Builder.like(answer).but().fault(fault).build();
    }

    private static Response status(Response answer, int status) {
        return Response.Builder.like(answer)
                .but()
                .status(status)
                .headers(new HttpHeaders(new HttpHeader("Content-Type", "text/plain; charset=utf-8")))
                .body("the vendor's answer was lost at a gateway (ChatDirectory contract kit)")
                .build();
    }
}
