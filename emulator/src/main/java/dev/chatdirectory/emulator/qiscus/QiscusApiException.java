package dev.chatdirectory.emulator.qiscus;

import java.util.List;

/**
 * A request the Qiscus model refuses; rendered as Qiscus's error envelope by the emulator.
 *
 * <p>Thrown by endpoint handlers so that validation reads top-down; it carries no stack trace
 * because it is an answer, not a failure of the emulator.
 */
final class QiscusApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> detailedMessages;

    QiscusApiException(int status, String message, List<String> detailedMessages) {
        super(message, null, false, false);
        this.status = status;
        this.detailedMessages = List.copyOf(detailedMessages);
    }

    /** Returns a 400 whose detailed messages repeat the message, as in every captured Qiscus error. */
    static QiscusApiException badRequest(String message) {
        return new QiscusApiException(400, message, List.of(message));
    }

    /** Returns a 404 whose detailed messages repeat the message. */
    static QiscusApiException notFound(String message) {
        return new QiscusApiException(404, message, List.of(message));
    }

    int status() {
        return status;
    }

    List<String> detailedMessages() {
        return detailedMessages;
    }
}
